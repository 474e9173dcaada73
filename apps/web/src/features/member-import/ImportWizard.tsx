import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Result, Spin, Steps, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { useIsMobile } from '../../lib/useIsMobile';
import { useMe } from '../auth/api';
import { importKeys, useImportStatus } from './api';
import { ConfirmStep } from './ConfirmStep';
import { type ImportKind, ImportKindContext } from './kind';
import { TemplateStep } from './TemplateStep';
import { UploadStep } from './UploadStep';
import { ValidationStep } from './ValidationStep';

interface Props {
  kind: ImportKind;
  /** May this user import here at all (from /me's abilities)? */
  allowed: boolean;
  /** Where 返回 and 查看 lead (the list the rows land in). */
  listHref: string;
  /** Query keys to refresh once the rows are in. */
  invalidate: readonly (readonly unknown[])[];
}

/**
 * The import wizard: 下载模板 → 上传文件 → 校验 → 确认导入 → 完成, for the member ledger and the enterprise
 * registry alike. The import's id lives in the URL (?id=), so a refresh or a shared link comes back to the same
 * report; the step follows the server's status.
 */
export function ImportWizard({ kind, allowed, listHref, invalidate }: Props) {
  const mobile = useIsMobile();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const id = params.get('id');
  const [picked, setPicked] = useState<0 | 1>(0);
  const [confirming, setConfirming] = useState(false);
  const status = useImportStatus(id, kind.base);
  const m = kind.m;

  const reset = () => {
    setConfirming(false);
    setPicked(1);
    setParams({});
  };
  const uploaded = (next: string) => {
    setConfirming(false);
    setParams({ id: next });
  };
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: importKeys.status(id!) });
    for (const key of invalidate) await queryClient.invalidateQueries({ queryKey: key });
  };

  const s = status.data;
  let step: number = picked;
  if (id) {
    if (!s) step = 2;
    else if (s.status === 'imported') step = 4;
    else if (s.status === 'ready' && s.errorRows === 0 && confirming) step = 3;
    else step = 2;
  }

  let body: ReactNode;
  if (me && !allowed) body = <Result status="403" title={m.noPermission} />;
  else if (step === 0) body = <TemplateStep onNext={() => setPicked(1)} />;
  else if (step === 1) body = <UploadStep csrfToken={me?.csrfToken ?? ''} onUploaded={uploaded} />;
  else if (status.isError)
    body = (
      <Alert
        type="warning"
        showIcon
        title={isApiError(status.error, 'not_found') ? m.expired : status.error.message}
        action={
          <Button size="small" onClick={reset}>
            {m.reupload}
          </Button>
        }
      />
    );
  else if (!s) body = <Spin />;
  else if (step === 2) body = <ValidationStep status={s} mobile={mobile} onReupload={reset} onNext={() => setConfirming(true)} />;
  else if (step === 3) body = <ConfirmStep status={s} onDone={done} onReupload={reset} />;
  else
    body = (
      <Result
        status="success"
        title={m.doneTitle(s.importedCount ?? s.rowCount)}
        subTitle={m.doneSub(s.fileName)}
        extra={[
          <Link to={listHref} key="list">
            <Button type="primary">{m.toList}</Button>
          </Link>,
          <Button key="again" onClick={reset}>
            {m.again}
          </Button>,
        ]}
        data-testid="import-done"
      />
    );

  return (
    <ImportKindContext.Provider value={kind}>
      <Card>
        <PageHeader title={m.title}>
          <Link to={listHref}>
            <Button icon={<ArrowLeftOutlined />}>{m.back}</Button>
          </Link>
        </PageHeader>
        {mobile ? (
          // Five steps stacked would fill a phone's first screen: a line and a bar say the same.
          <div style={{ marginBottom: 16 }} data-testid="import-step">
            <Typography.Text strong>{m.stepOf(step + 1, m.steps.length, m.steps[step]!)}</Typography.Text>
            <Progress percent={((step + 1) / m.steps.length) * 100} showInfo={false} size="small" />
          </div>
        ) : (
          <Steps current={step} size="small" items={m.steps.map((title) => ({ title }))} style={{ marginBottom: 24 }} />
        )}
        {body}
      </Card>
    </ImportKindContext.Provider>
  );
}
