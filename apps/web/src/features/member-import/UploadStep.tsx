import { InboxOutlined } from '@ant-design/icons';
import { MEMBER_IMPORT_LIMITS } from '@tongxin/contracts/labels';
import { Alert, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { uploadLedger } from './api';
import { useImportKind } from './kind';

/** Picks one .xlsx, checks its name and size in the browser, uploads it with a progress bar. */
export function UploadStep({ csrfToken, onUploaded }: { csrfToken: string; onUploaded: (id: string) => void }) {
  const { m, base } = useImportKind();
  const [percent, setPercent] = useState<number | null>(null);
  const upload = useAction((file: File) => uploadLedger(file, csrfToken, setPercent, base), {
    inline: true,
    onSuccess: ({ id }) => onUploaded(id),
    onError: (e) => {
      if (!isApiError(e)) upload.setFormError(m.uploadFailed);
    },
  });
  const error = upload.formError;

  const send = (file: File) => {
    upload.setFormError(null);
    if (!/\.xlsx$/i.test(file.name)) return upload.setFormError(m.onlyXlsx);
    if (file.size > MEMBER_IMPORT_LIMITS.maxFileBytes) return upload.setFormError(m.tooBig);
    setPercent(0);
    upload
      .mutateAsync(file)
      .catch(() => undefined)
      .finally(() => setPercent(null));
  };

  return (
    <div>
      <Typography.Title level={5}>{m.uploadTitle}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="upload-error" />}
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={percent !== null}
        beforeUpload={(file) => {
          send(file);
          return false;
        }}
        data-testid="upload-dragger"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{m.uploadHint}</p>
        <p className="ant-upload-hint">{m.uploadNote}</p>
      </Upload.Dragger>
      {percent !== null && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>{m.uploading}</Typography.Text>
          <Progress percent={percent} />
        </div>
      )}
    </div>
  );
}
