import { useQuery } from '@tanstack/react-query';
import type { MemberImportStatusBody } from '@tongxin/contracts';
import { ApiError, api } from '../../lib/api';

export type ImportStatus = MemberImportStatusBody;
export type ImportIssue = ImportStatus['issues'][number];

export const TEMPLATE_HREF = '/api/members/import/template';

export const importKeys = { status: (id: string) => ['member-import', id] as const };

/** The import's progress, polled while the server is still validating. */
export function useImportStatus(id: string | null, base = '/api/members/import') {
  return useQuery({
    queryKey: [...importKeys.status(id ?? ''), base],
    queryFn: () => api<ImportStatus>(`${base}/${id}`),
    enabled: id !== null,
    retry: false,
    refetchInterval: (query) => (query.state.data?.status === 'validating' ? 800 : false),
  });
}

export const confirmImport = (id: string, base = '/api/members/import') =>
  api<{ imported: number }>(`${base}/${id}/confirm`, { method: 'POST' });

/**
 * Uploads the file with XMLHttpRequest (fetch reports no upload progress). The CSRF token comes from /me, as
 * for every other change.
 */
export function uploadLedger(
  file: File,
  csrfToken: string,
  onProgress: (percent: number) => void,
  base = '/api/members/import',
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', base);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: { id?: string; error?: { code?: ApiError['code']; message?: string; requestId?: string } } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 202 && body?.id) resolve({ id: body.id });
      else
        reject(
          new ApiError(
            xhr.status,
            body?.error?.code ?? 'internal',
            body?.error?.message ?? `上传失败（${xhr.status}），请重试`,
            [],
            body?.error?.requestId ?? null,
          ),
        );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '无法连接服务器，请检查网络后重试'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
