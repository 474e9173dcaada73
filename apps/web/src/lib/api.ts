import type { ErrorCode } from '@tongxin/contracts';

export interface FieldError {
  path: string;
  message: string;
}

/** A failed API call: the server's machine code, its Chinese message and per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields: FieldError[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
  }
}

interface Handlers {
  unauthenticated: () => void;
  passwordChangeRequired: () => void;
}

// Kept in memory only: nothing of the session goes to localStorage.
let csrfToken: string | null = null;
let handlers: Handlers = {
  unauthenticated: () => window.location.assign('/login'),
  passwordChangeRequired: () => window.location.assign('/change-password'),
};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setAuthHandlers(next: Handlers): void {
  handlers = next;
}

type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** Do not redirect on 401 (the sign-in page and the first /me probe handle it themselves). */
  quiet401?: boolean;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  const text = await response.text();
  const data = text ? safeJson(text) : null;
  if (response.ok) return data as T;
  const error = (data as { error?: { code?: ErrorCode; message?: string; fields?: FieldError[]; requestId?: string } } | null)
    ?.error;
  const apiError = new ApiError(
    response.status,
    error?.code ?? 'internal',
    error?.message ?? `请求失败（${response.status}），请稍后重试`,
    error?.fields ?? [],
    error?.requestId ?? null,
  );
  if (apiError.code === 'unauthenticated' && !options.quiet401) handlers.unauthenticated();
  if (apiError.code === 'password_change_required') handlers.passwordChangeRequired();
  throw apiError;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function isApiError(e: unknown, code?: ApiError['code']): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** The session's CSRF token, for uploads sent with XMLHttpRequest (progress) rather than api(). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}
