/**
 * Types and calls of the issue routes (`/api/issues…`, `/api/dispatches/:id`, the candidates and
 * signers, `/api/publications`), shared by 刊物编发, one issue's page and 刊物审签.
 */
import type { z } from 'zod';
import type {
  addSignerInput,
  approveInput,
  CorrectionInput,
  DispatchUpdate,
  IssueAbilities,
  IssueCreate,
  IssueDetail,
  IssueSummary,
  IssueUpdate,
  issueChangeSchema,
  issueEventSchema,
  issueFileSchema,
  issueItemSchema,
  PublicationView,
  returnInput,
  signoffSchema,
  transferInput,
  withdrawInput,
} from '../../../shared/schemas/issues.ts';
import { api, type DataResponse, type ListResponse, toQuery } from '../../api/client.ts';

export type IssueRecord = { data: IssueDetail; abilities: IssueAbilities };
export type IssueList = ListResponse<IssueSummary, { compile: boolean }>;
export type IssueItem = z.infer<typeof issueItemSchema>;
export type IssueEventView = z.infer<typeof issueEventSchema>;
export type IssueFile = z.infer<typeof issueFileSchema>;
export type IssueChangeView = z.infer<typeof issueChangeSchema>;
export type Signoff = z.infer<typeof signoffSchema>;
export type ChainView = NonNullable<IssueDetail['chain']>;
export type ApproveBody = z.input<typeof approveInput>;
export type ReturnBody = z.input<typeof returnInput>;
export type WithdrawBody = z.input<typeof withdrawInput>;
export type TransferBody = z.input<typeof transferInput>;
export type AddSignerBody = z.input<typeof addSignerInput>;
export type {
  CorrectionInput,
  DispatchUpdate,
  IssueAbilities,
  IssueCreate,
  IssueDetail,
  IssueSummary,
  IssueUpdate,
};

/** A selected (拟用) item that may go into an issue of the publication. */
export interface Candidate {
  id: number;
  number: string | null;
  title: string;
  stream: string;
  charCount: number;
  urgent: boolean;
  submittingOrg: string;
  selectedAt: string;
}

export interface Signer {
  id: number;
  name: string;
  onDuty: boolean;
}

export interface IssueListQuery {
  page?: number;
  pageSize?: number;
  publicationId?: number;
  status?: IssueDetail['status'];
  year?: number;
  mine?: 'true';
}

export const issueApi = {
  list: (query: IssueListQuery, signal?: AbortSignal) =>
    api.get<IssueList>(`/issues${toQuery({ ...query })}`, { signal }),
  get: (id: number, signal?: AbortSignal) => api.get<IssueRecord>(`/issues/${id}`, { signal }),
  create: (body: IssueCreate) => api.post<IssueRecord>('/issues', body),
  save: (id: number, body: IssueUpdate) => api.put<IssueRecord>(`/issues/${id}`, body),
  remove: (id: number, version: number) => api.delete<unknown>(`/issues/${id}${toQuery({ version })}`),
  submit: (id: number, version: number) => api.post<IssueRecord>(`/issues/${id}/submit`, { version }),
  approve: (id: number, body: ApproveBody) => api.post<IssueRecord>(`/issues/${id}/approve`, body),
  returnTo: (id: number, body: ReturnBody) => api.post<IssueRecord>(`/issues/${id}/return`, body),
  withdraw: (id: number, body: WithdrawBody) => api.post<IssueRecord>(`/issues/${id}/withdraw`, body),
  transfer: (id: number, body: TransferBody) => api.post<IssueRecord>(`/issues/${id}/transfer`, body),
  addSigner: (id: number, body: AddSignerBody) => api.post<IssueRecord>(`/issues/${id}/add-signer`, body),
  remind: (id: number) => api.post<IssueRecord>(`/issues/${id}/remind`, {}),
  correct: (id: number, body: CorrectionInput) => api.post<IssueRecord>(`/issues/${id}/corrections`, body),
  seen: (id: number) => api.post<DataResponse<{ ok: true }>>(`/issues/${id}/seen`, {}),
  dispatch: (dispatchId: number, body: DispatchUpdate) =>
    api.put<DataResponse<{ ok: true }>>(`/dispatches/${dispatchId}`, body),
  candidates: (publicationId: number, signal?: AbortSignal) =>
    api.get<ListResponse<Candidate, unknown>>(`/issue-candidates${toQuery({ publicationId })}`, { signal }),
  signersPath: (orgId: number) => `/issue-signers${toQuery({ orgId })}`,
  publicationsPath: '/publications',
  previewUrl: (id: number) => `/api/issues/${id}/preview`,
  fileUrl: (id: number, kind: 'docx' | 'pdf', revision?: number) =>
    `/api/issues/${id}/${kind}${toQuery({ revision })}`,
};

export type PublicationList = ListResponse<PublicationView, { manage: boolean; compile: boolean }>;
