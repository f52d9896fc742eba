/**
 * The one way the web client talks to `/api`. It sends the session's CSRF token on every
 * mutation, turns `{ error: { code, message, details } }` answers into `ApiError` (whose
 * message is the server's Chinese text, meant to be shown as is), and reports the three
 * answers that move the user to another screen (login, password change, TOTP enrolment).
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type AuthProblem = 'UNAUTHENTICATED' | 'PASSWORD_CHANGE_REQUIRED' | 'TOTP_ENROLL_REQUIRED';

const AUTH_PROBLEMS: readonly string[] = [
  'UNAUTHENTICATED',
  'PASSWORD_CHANGE_REQUIRED',
  'TOTP_ENROLL_REQUIRED',
];

let csrfToken: string | null = null;
let authProblemHandler: ((problem: AuthProblem) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header a mutation sends (for requests made outside `api`, e.g. a POST download). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export function onAuthProblem(handler: (problem: AuthProblem) => void): void {
  authProblemHandler = handler;
}

export interface RequestOptions {
  body?: unknown;
  formData?: FormData;
  signal?: AbortSignal;
  /** Leave auth problems to the caller (the session probe at start-up). */
  quietAuth?: boolean;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined, non-empty values; '' when none. */
export function toQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function statusMessage(status: number): string {
  if (status === 413) return '上传的文件过大';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务暂时不可用，请稍后再试或联系管理员';
  return `请求失败（${status}），请稍后再试`;
}

function errorOf(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object' && 'error' in payload) {
    const error = (payload as { error: unknown }).error;
    if (error && typeof error === 'object') {
      const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
      if (typeof code === 'string' && typeof message === 'string')
        return new ApiError(status, code, message, details);
    }
  }
  return new ApiError(status, 'HTTP_ERROR', statusMessage(status));
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (method !== 'GET') {
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (options.formData) {
      body = options.formData;
    } else {
      // Always a JSON body on mutations: the server rejects an empty body under a JSON content type.
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body ?? {});
    }
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const payload: unknown = await response.json().catch(() => null);
  // Cancelled while the body was read: never hand a half answer to the caller.
  if (options.signal?.aborted) throw new DOMException('请求已取消', 'AbortError');
  if (!response.ok) {
    const error = errorOf(response.status, payload);
    if (!options.quietAuth && AUTH_PROBLEMS.includes(error.code))
      authProblemHandler?.(error.code as AuthProblem);
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  upload: <T>(path: string, formData: FormData, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, formData }),
};

/** Response envelopes of the API conventions (DESIGN §6). */
export interface ListResponse<T, A> {
  data: T[];
  total: number;
  abilities: A;
}
export interface RecordResponse<T, A = unknown> {
  data: T;
  abilities: A;
}
export interface DataResponse<T> {
  data: T;
}
