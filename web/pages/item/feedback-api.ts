/**
 * Types and calls of the feedback routes (R3.3): what became of an item after it left the office
 * (采用、领导批示、落实情况), on one item or on every item of an issued issue (期).
 */
import type { z } from 'zod';
import type {
  FeedbackInput,
  FeedbackView,
  feedbackAbilities,
  feedbackFileSchema,
} from '../../../shared/schemas/feedback.ts';
import { api, type DataResponse, type ListResponse } from '../../api/client.ts';

export type FeedbackAbilities = z.infer<typeof feedbackAbilities>;
export type FeedbackFile = z.infer<typeof feedbackFileSchema>;
export type FeedbackList = ListResponse<FeedbackView, FeedbackAbilities>;
export type { FeedbackInput, FeedbackView };

/** Scans of the documents (批示件、采用通知) per record, as the server allows. */
export const FEEDBACK_MAX_FILES = 5;
export const FEEDBACK_MAX_FILE_MB = 20;

export const feedbackApi = {
  list: (itemId: number, signal?: AbortSignal) =>
    api.get<FeedbackList>(`/items/${itemId}/feedback`, { signal }),
  record: (itemId: number, body: FeedbackInput) =>
    api.post<DataResponse<FeedbackView>>(`/items/${itemId}/feedback`, body),
  /** On every item of an issued issue: how many items it went to. */
  recordIssue: (issueId: number, body: FeedbackInput) =>
    api.post<DataResponse<{ count: number }>>(`/issues/${issueId}/feedback`, body),
  revoke: (id: number, reason: string) => api.post<unknown>(`/feedback/${id}/revoke`, { reason }),
  upload: (id: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<DataResponse<FeedbackFile>>(`/feedback/${id}/files`, form);
  },
  fileUrl: (id: number, fileId: number) => `/api/feedback/${id}/files/${fileId}`,
};
