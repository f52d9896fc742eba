/** Types and calls of the referral routes (交办 → 签收 → 办复 → 评价) and of the follow-up routes (督办). */
import type { z } from 'zod';
import type {
  ReferralCreateInput,
  ReferralReplyInput,
  ReferralReviewInput,
  ReferralSignInput,
  ReferralView,
  ReplyView,
  referralFileSchema,
  referralItemText,
  SupervisionCloseInput,
  SupervisionCreateInput,
  SupervisionView,
} from '../../../shared/schemas/referrals.ts';
import { api, type DataResponse, type ListResponse } from '../../api/client.ts';

export type ReferralFile = z.infer<typeof referralFileSchema>;
export type ReferralItemText = z.infer<typeof referralItemText>;
export type { ReferralView, ReplyView, SupervisionView };

export interface Department {
  id: number;
  name: string;
  type: string;
  online: boolean;
}

/** Scans per reply, as the server allows. */
export const REPLY_MAX_FILES = 5;
export const REPLY_MAX_FILE_MB = 20;

type One = DataResponse<ReferralView>;

export const referralApi = {
  ofItem: (itemId: number, signal?: AbortSignal) =>
    api.get<ListResponse<ReferralView, { create: boolean }>>(`/items/${itemId}/referrals`, { signal }),
  departments: (itemId: number) =>
    api.get<DataResponse<Department[]>>(`/items/${itemId}/referral-departments`),
  create: (itemId: number, body: ReferralCreateInput) =>
    api.post<DataResponse<{ ids: number[] }>>(`/items/${itemId}/referrals`, body),
  get: (id: number, signal?: AbortSignal) =>
    api.get<One & { text: ReferralItemText }>(`/referrals/${id}`, { signal }),
  sign: (id: number, body: ReferralSignInput) => api.post<One>(`/referrals/${id}/sign`, body),
  reply: (id: number, body: ReferralReplyInput) => api.post<One>(`/referrals/${id}/reply`, body),
  review: (id: number, body: ReferralReviewInput) => api.post<One>(`/referrals/${id}/review`, body),
  revoke: (id: number, reason: string) => api.post<One>(`/referrals/${id}/revoke`, { reason }),
  upload: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<DataResponse<ReferralFile>>(`/referrals/${id}/files`, form);
  },
  fileUrl: (id: number, fileId: number) => `/api/referrals/${id}/files/${fileId}`,
};

type Sup = DataResponse<SupervisionView>;

export const supervisionApi = {
  ofItem: (itemId: number, signal?: AbortSignal) =>
    api.get<ListResponse<SupervisionView, { create: boolean }>>(`/items/${itemId}/supervisions`, { signal }),
  create: (itemId: number, body: SupervisionCreateInput) =>
    api.post<Sup>(`/items/${itemId}/supervisions`, body),
  remind: (id: number, note: string) => api.post<Sup>(`/supervisions/${id}/remind`, { note }),
  close: (id: number, body: SupervisionCloseInput) => api.post<Sup>(`/supervisions/${id}/close`, body),
};
