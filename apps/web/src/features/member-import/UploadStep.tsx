import { InboxOutlined } from '@ant-design/icons';
import { MEMBER_IMPORT_LIMITS } from '@tongxin/contracts/labels';
import { Alert, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../lib/api';
import { uploadLedger } from './api';
import { useImportKind } from './kind';

/** Picks one .xlsx, checks its name and size in the browser, uploads it with a progress bar. */
export function UploadStep({ csrfToken, onUploaded }: { csrfToken: string; onUploaded: (id: string) => void }) {
  const { m, base } = useImportKind();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) return setError(m.onlyXlsx);
    if (file.size > MEMBER_IMPORT_LIMITS.maxFileBytes) return setError(m.tooBig);
    setPercent(0);
    try {
      const { id } = await uploadLedger(file, csrfToken, setPercent, base);
      onUploaded(id);
    } catch (e) {
      setError(isApiError(e) ? e.message : m.uploadFailed);
    } finally {
      setPercent(null);
    }
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
          void send(file);
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
