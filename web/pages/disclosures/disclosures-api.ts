/** Calls of the staff side of the portal: public versions of items (公开审核) and notices (公告). */
import type {
  DisclosureRowView,
  DisclosureStatus,
  ItemDisclosure,
  NoticeInput,
  NoticeUpdate,
  NoticeView,
} from '../../../shared/schemas/portal.ts';
import { api, type DataResponse, type ListResponse, toQuery } from '../../api/client.ts';

export type { DisclosureRowView, ItemDisclosure, NoticeInput, NoticeView };
export type NoticeList = ListResponse<NoticeView, { create: boolean; desks: { id: number; name: string }[] }>;

const base = (itemId: number) => `/items/${itemId}/disclosure`;
type Draft = { title: string; text: string; version: number | null };

export const disclosureApi = {
  ofItem: (itemId: number, signal?: AbortSignal) => api.get<ItemDisclosure>(base(itemId), { signal }),
  prepare: (itemId: number, body: Draft) => api.put<ItemDisclosure>(base(itemId), body),
  approve: (itemId: number, body: Draft) => api.post<ItemDisclosure>(`${base(itemId)}/approve`, body),
  withdraw: (itemId: number, body: { reason: string; version: number }) =>
    api.post<ItemDisclosure>(`${base(itemId)}/withdraw`, body),
  list: (q: { page: number; status?: DisclosureStatus }, signal?: AbortSignal) =>
    api.get<ListResponse<DisclosureRowView, { approve: boolean }>>(`/disclosures${toQuery(q)}`, { signal }),
};

export const noticeApi = {
  list: (page: number, signal?: AbortSignal) =>
    api.get<NoticeList>(`/notices${toQuery({ page })}`, { signal }),
  create: (body: NoticeInput) => api.post<DataResponse<NoticeView>>('/notices', body),
  update: (id: number, body: NoticeUpdate) => api.put<DataResponse<NoticeView>>(`/notices/${id}`, body),
  publish: (id: number, version: number) =>
    api.post<DataResponse<NoticeView>>(`/notices/${id}/publish`, { version }),
  withdraw: (id: number, body: { reason: string; version: number }) =>
    api.post<DataResponse<NoticeView>>(`/notices/${id}/withdraw`, body),
};
