/**
 * Types and calls of the item routes (`/api/items…`, `/api/item-settings`, `/api/topics`),
 * shared by 我的信息, the editor and the item page.
 */
import type { z } from 'zod';
import type {
  diffSchema,
  ItemAbilities,
  ItemDetail,
  itemListAbilities,
  itemSettingsSchema,
  itemTransitionInput,
  itemVersionDetailSchema,
  topicSchema,
} from '../../../shared/schemas/items.ts';
import { api, type DataResponse, type RecordResponse } from '../../api/client.ts';

export type ItemRecord = RecordResponse<ItemDetail, ItemAbilities>;
export type ItemListAbilities = z.infer<typeof itemListAbilities>;
export type Topic = z.infer<typeof topicSchema>;
export type ItemDiff = z.infer<typeof diffSchema>;
export type VersionDetail = z.infer<typeof itemVersionDetailSchema>;
export type TransitionBody = z.input<typeof itemTransitionInput>;

export interface NamedRef {
  id: number;
  name: string;
}

/**
 * GET /item-settings. The organisations the user may submit for and the desks (CPPCC
 * information offices) come with the limits; older servers may leave them out.
 */
export type ItemSettings = z.infer<typeof itemSettingsSchema> & {
  submittingOrgs: NamedRef[];
  desks: NamedRef[];
};

export interface AuthorOption {
  id: number;
  name: string;
  orgName: string;
}

export interface LockState {
  lock: { userId: number; name: string; expiresAt: string } | null;
  mine: boolean;
}

export const itemApi = {
  get: (id: number, signal?: AbortSignal) => api.get<ItemRecord>(`/items/${id}`, { signal }),
  transition: (id: number, body: TransitionBody) => api.post<ItemRecord>(`/items/${id}/transitions`, body),
  version: (id: number, no: number) => api.get<DataResponse<VersionDetail>>(`/items/${id}/versions/${no}`),
  diff: (id: number, from: number, to: number, signal?: AbortSignal) =>
    api.get<DataResponse<ItemDiff>>(`/items/${id}/diff?from=${from}&to=${to}`, { signal }),
  lock: (id: number) => api.post<DataResponse<LockState>>(`/items/${id}/lock`, {}),
  unlock: (id: number) => api.delete<unknown>(`/items/${id}/lock`),
  settings: async (signal?: AbortSignal): Promise<ItemSettings> => {
    const answer = await api.get<DataResponse<Partial<ItemSettings>>>('/item-settings', { signal });
    const s = answer.data;
    return {
      charGuide: s.charGuide ?? 1500,
      charMax: s.charMax ?? 6000,
      maxAttachments: s.maxAttachments ?? 5,
      maxAttachmentMb: s.maxAttachmentMb ?? 20,
      attachmentTypes: s.attachmentTypes ?? [],
      submittingOrgs: s.submittingOrgs ?? [],
      desks: s.desks ?? [],
    };
  },
  attachmentUrl: (id: number, attachmentId: number) => `/api/items/${id}/attachments/${attachmentId}`,
};
