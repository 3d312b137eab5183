import type { ErrorBody } from '@contracts/common.js';
import i18n from 'i18next';

/** An error answer from the API, with the translated message and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('crm_csrf='))
    ?.slice('crm_csrf='.length);
}

let onUnauthenticated: (() => void) | undefined;
export const setUnauthenticatedHandler = (fn: () => void) => {
  onUnauthenticated = fn;
};

export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export function toQueryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export async function api<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { 'x-locale': i18n.language || 'zh-CN' };
  // A file (imports) goes up as it is, not as JSON.
  const file = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = file ? body.type || 'application/octet-stream' : 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken() ?? '';
  const res = await fetch(`/api/v1${path}${toQueryString(query)}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : file ? body : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (data as ErrorBody).error ?? { code: 'HTTP', message: res.statusText };
    // A wrong authenticator code (enabling/disabling two-step verification) is a 401 too, but the session is fine.
    if (res.status === 401 && path !== '/auth/login' && err.code !== 'TOTP_INVALID') onUnauthenticated?.();
    throw new ApiError(res.status, err.code, err.message, err.fields, err.current);
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, query?: Query) => api<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {}),
  upload: <T>(path: string, file: Blob, query?: Query) => api<T>('POST', path, file, query),
  put: <T>(path: string, body?: unknown) => api<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => api<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => api<T>('DELETE', path),
};
