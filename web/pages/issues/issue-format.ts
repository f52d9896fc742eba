/** How issues are shown: tag colours, dates in the official style, file downloads. */
import type { IssueState, IssueUrgency, SignoffState } from '../../../shared/issues.ts';
import { ApiError, csrfHeader } from '../../api/client.ts';

export const STATE_COLORS: Record<IssueState, string> = {
  compiling: 'blue',
  reviewing: 'orange',
  issued: 'green',
};

export const URGENCY_COLORS: Record<IssueUrgency, string> = {
  normal: 'default',
  urgent: 'orange',
  very_urgent: 'red',
};

export const SIGNOFF_COLORS: Record<SignoffState, string> = {
  waiting: 'default',
  pending: 'processing',
  approved: 'success',
  returned: 'warning',
  transferred: 'default',
  cancelled: 'default',
};

const pad = (n: number) => String(n).padStart(2, '0');

function dateOf(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** 2026年11月27日 (local time of a timestamp); '—' for none. */
export function fullDate(value: string | null | undefined): string {
  const d = dateOf(value);
  return d ? `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` : '—';
}

/** 2026年11月27日 14:30. */
export function fullDateTime(value: string | null | undefined): string {
  const d = dateOf(value);
  return d ? `${fullDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}` : '—';
}

/** 11月27日 14:30 in lists; the year is added when it is not this year. */
export function listTime(value: string | null | undefined): string {
  const d = dateOf(value);
  if (!d) return '—';
  const year = d.getFullYear() === new Date().getFullYear() ? '' : `${d.getFullYear()}年`;
  return `${year}${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 12 KB, 3.4 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileNameOf(disposition: string | null, fallback: string): string {
  const star = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  const plain = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return plain?.[1] ?? fallback;
}

/**
 * Fetches a file of the API (by GET, or by POST with a JSON body) and hands it to the browser as a download. A refusal (e.g. PDF
 * conversion unavailable, 503 DOCUMENT_UNAVAILABLE) comes back as an ApiError with the server's text.
 */
export async function downloadFile(url: string, fallbackName: string, post?: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(
      url,
      post === undefined
        ? { credentials: 'same-origin' }
        : {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'content-type': 'application/json', ...csrfHeader() },
            body: JSON.stringify(post),
          },
    );
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => null);
    const error =
      payload && typeof payload === 'object' && 'error' in payload
        ? (payload as { error: { code?: unknown; message?: unknown } }).error
        : null;
    if (error && typeof error.code === 'string' && typeof error.message === 'string')
      throw new ApiError(response.status, error.code, error.message);
    throw new ApiError(response.status, 'HTTP_ERROR', `文件下载失败（${response.status}），请稍后再试`);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
