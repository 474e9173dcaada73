import { vi } from 'vitest';

/** Answers the next API call (any path) with this status and JSON body; returns the mock to inspect the calls. */
export function answerWith(status: number, body: unknown) {
  const fetch = vi.fn(
    async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

/** The server's error shape (see apps/server/src/platform/http/errors.ts). */
export const fieldError = (path: string, message: string) => ({
  error: { code: 'invalid', message: '提交的内容有误，请检查标出的项', fields: [{ path, message }], requestId: 'test' },
});
