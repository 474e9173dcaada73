import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { isApiError } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { confirmImport, type ImportStatus } from './api';
import { useImportKind } from './kind';

export function ConfirmStep({
  status,
  onDone,
  onReupload,
}: {
  status: ImportStatus;
  onDone: () => void;
  onReupload: () => void;
}) {
  const { m, base } = useImportKind();
  const run = useAction(() => confirmImport(status.id, base), {
    inline: true,
    onSuccess: onDone,
    onError: (e) => {
      if (!isApiError(e)) run.setFormError(m.confirmFailed);
    },
  });
  const error = run.formError;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {m.confirmTitle}
      </Typography.Title>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={m.confirmFile}>{status.fileName}</Descriptions.Item>
        <Descriptions.Item label={m.confirmCount}>{formatNumber(status.rowCount)}</Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon title={m.confirmNote} />
      {error && (
        <Alert
          type="error"
          showIcon
          title={m.confirmFailed}
          description={error}
          action={
            <Button size="small" onClick={onReupload}>
              {m.reupload}
            </Button>
          }
          data-testid="confirm-error"
        />
      )}
      <Button type="primary" size="large" loading={run.busy} onClick={() => run.run()} data-testid="confirm-import">
        {m.confirm(status.rowCount)}
      </Button>
    </Space>
  );
}
