import { Alert, Button, Progress, Result, Space, Typography } from 'antd';
import type { ImportStatus } from './api';
import { IssueTable } from './IssueTable';
import { useImportKind } from './kind';

/** Progress while the server validates; then the report with what to do next. */
export function ValidationStep({
  status,
  mobile,
  onReupload,
  onNext,
}: {
  status: ImportStatus;
  mobile: boolean;
  onReupload: () => void;
  onNext: () => void;
}) {
  const { m } = useImportKind();
  const reupload = (
    <Button type="primary" onClick={onReupload} data-testid="reupload">
      {m.reupload}
    </Button>
  );
  if (status.status === 'validating') {
    const percent = status.total ? Math.min(99, Math.floor((status.processed / status.total) * 100)) : undefined;
    return (
      <div data-testid="validating">
        <Typography.Title level={5}>{m.validating}</Typography.Title>
        <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
        <Typography.Text type="secondary">
          {status.total ? m.readRowsOf(status.processed, status.total) : m.readRows(status.processed)}
        </Typography.Text>
      </div>
    );
  }
  if (status.status === 'failed') {
    return <Result status="error" title={m.failedTitle} subTitle={status.message} extra={reupload} data-testid="import-failed" />;
  }
  if (status.errorRows > 0) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="error"
          showIcon
          title={m.errorsTitle(status.errorRows, status.issueCount)}
          description={m.errorsHelp}
          action={mobile ? undefined : reupload}
          data-testid="import-errors"
        />
        {mobile && reupload}
        {status.issueCount > status.issues.length && (
          <Typography.Text type="secondary">{m.truncated(status.issues.length, status.issueCount)}</Typography.Text>
        )}
        <IssueTable issues={status.issues} mobile={mobile} />
      </Space>
    );
  }
  return (
    <Result
      status="success"
      title={m.cleanTitle(status.rowCount)}
      subTitle={m.cleanHelp}
      extra={
        <Button type="primary" onClick={onNext} data-testid="to-confirm">
          {m.next}
        </Button>
      }
      data-testid="import-clean"
    />
  );
}
