import { PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { AttachmentInfo } from '@tongxin/contracts';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useMemo, useRef } from 'react';
import { ApiError, currentCsrfToken } from '../lib/api';

const m = {
  add: '添加',
  addFile: '上传附件',
  failed: (status: number) => `上传失败（${status}），请重试`,
  network: '无法连接服务器，请检查网络后重试',
  tooBig: (mb: number) => `文件超过 ${mb} MB，请压缩后再上传`,
};

export const attachmentHref = (id: string) => `/api/attachments/${id}`;
export const isImage = (mediaType: string) => /^image\/(png|jpeg|webp)$/.test(mediaType);

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Sends one file to the shared attachment store (POST /api/attachments) with upload progress. */
export function uploadAttachment(
  file: File,
  use: string,
  orgId: string,
  onProgress: (percent: number) => void,
): Promise<AttachmentInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/attachments?use=${encodeURIComponent(use)}&orgId=${encodeURIComponent(orgId)}`);
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: (AttachmentInfo & { error?: { code?: ApiError['code']; message?: string } }) | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body?.id) resolve(body);
      else reject(new ApiError(xhr.status, body?.error?.code ?? 'internal', body?.error?.message ?? m.failed(xhr.status)));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', m.network));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export interface AttachmentUploadProps {
  /** The use declared on the server (e.g. 'meeting'): it decides the allowed types and who may upload. */
  use: string;
  orgId: string;
  value?: AttachmentInfo[];
  onChange?: (value: AttachmentInfo[]) => void;
  /** The file picker's filter, e.g. "image/*,.pdf". */
  accept: string;
  maxMb: number;
  /** Photos show as thumbnails in big tappable cards; documents as a list. */
  pictures?: boolean;
  max?: number;
  testId?: string;
}

/**
 * A form control holding uploaded attachments: each file goes to the store at once (the server checks its
 * type by content and its size) and the control's value is the list of stored files, saved with the record.
 */
export function AttachmentUpload({
  use,
  orgId,
  value = [],
  onChange,
  accept,
  maxMb,
  pictures,
  max = 30,
  testId,
}: AttachmentUploadProps) {
  const { message } = App.useApp();
  // Uploads finish one after another: each adds to the list as it is then, not as it was when it started.
  const latest = useRef(value);
  latest.current = value;
  const fileList: UploadFile[] = useMemo(
    () =>
      value.map((a) => ({
        uid: a.id,
        name: a.fileName,
        status: 'done',
        url: attachmentHref(a.id),
        thumbUrl: isImage(a.mediaType) ? attachmentHref(a.id) : undefined,
        size: a.sizeBytes,
        type: a.mediaType,
      })),
    [value],
  );
  const full = value.length >= max;
  return (
    <div data-testid={testId}>
      <Upload
        accept={accept}
        multiple
        listType={pictures ? 'picture-card' : 'text'}
        fileList={fileList}
        beforeUpload={(file) => {
          if (file.size > maxMb * 1024 * 1024) {
            void message.error(m.tooBig(maxMb));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          uploadAttachment(file as File, use, orgId, (percent) => onProgress?.({ percent }))
            .then((info) => {
              onSuccess?.(info);
              const next = [...latest.current, info];
              latest.current = next;
              onChange?.(next);
            })
            .catch((e: unknown) => {
              void message.error(e instanceof ApiError ? e.message : m.network);
              onError?.(e as Error);
            });
        }}
        onRemove={(file) => {
          onChange?.(value.filter((a) => a.id !== file.uid));
          return true;
        }}
        showUploadList={{ showPreviewIcon: false, showDownloadIcon: false }}
      >
        {full ? null : pictures ? (
          <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }}>
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{m.add}</div>
          </button>
        ) : (
          <Button icon={<UploadOutlined />}>{m.addFile}</Button>
        )}
      </Upload>
    </div>
  );
}

/** A read-only list of attachments with download links. */
export function AttachmentList({ items }: { items: AttachmentInfo[] }) {
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((a) => (
        <li key={a.id} style={{ padding: '4px 0' }}>
          <PaperClipOutlined /> <a href={attachmentHref(a.id)}>{a.fileName}</a>{' '}
          <span style={{ color: 'rgba(0,0,0,0.45)' }}>{formatBytes(a.sizeBytes)}</span>
        </li>
      ))}
    </ul>
  );
}
