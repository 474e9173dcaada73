import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { AuditFilters } from '../features/audit/AuditFilters';
import { AuditTable } from '../features/audit/AuditTable';
import { type AuditFilter, type AuditVerifyResult, useAuditLog, verifyAudit } from '../features/audit/api';
import { auditMessages as m } from '../features/audit/messages';
import { isApiError } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useAction } from '../lib/useAction';
import { useIsMobile } from '../lib/useIsMobile';

const RESULTS = ['success', 'denied', 'failed'] as const;
const toInt = (v: string | null, fallback: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export default function AuditPage() {
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const result = params.get('result');
  const filter: AuditFilter = {
    type: params.get('type') ?? undefined,
    actor: params.get('actor') ?? undefined,
    result: (RESULTS as readonly string[]).includes(result ?? '') ? (result as AuditFilter['result']) : undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    page: toInt(params.get('page'), 1),
    pageSize: Math.min(toInt(params.get('pageSize'), 50), 200),
  };
  const log = useAuditLog(filter);
  const [verdict, setVerdict] = useState<AuditVerifyResult | null>(null);
  const verify = useAction(() => verifyAudit(), {
    inline: true,
    onSuccess: setVerdict,
    onError: (e) => {
      if (!isApiError(e)) verify.setFormError('校验失败');
    },
  });
  const verifyError = verify.formError;

  const update = (next: Partial<AuditFilter>) => {
    const merged = { ...filter, ...next };
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') out[k] = String(v);
    if (out.page === '1') delete out.page;
    if (out.pageSize === '50') delete out.pageSize;
    setParams(out);
  };

  return (
    <Card>
      <PageHeader title={m.title}>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.busy}
          onClick={() => verify.run()}
          data-testid="verify-audit"
        >
          {m.verify}
        </Button>
      </PageHeader>
      {verdict && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable={{ onClose: () => setVerdict(null) }}
          type={verdict.ok ? 'success' : 'error'}
          title={
            verdict.ok
              ? m.verifyOk(formatNumber(verdict.checked))
              : m.verifyBad(verdict.firstBadSeq, verdict.reason, formatNumber(verdict.checked))
          }
          data-testid="verify-result"
        />
      )}
      {verifyError && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={verifyError} />}
      <AuditFilters
        mobile={mobile}
        value={{ type: filter.type, actor: filter.actor, result: filter.result, from: filter.from, to: filter.to }}
        onSearch={(f) => update({ ...f, type: f.type, actor: f.actor, result: f.result, from: f.from, to: f.to, page: 1 })}
      />
      {log.error && <Alert type="error" showIcon title={log.error.message} style={{ marginBottom: 16 }} />}
      <AuditTable
        mobile={mobile}
        items={log.data?.items ?? []}
        loading={log.isFetching}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: log.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (page, pageSize) => update({ page: pageSize !== filter.pageSize ? 1 : page, pageSize }),
          simple: mobile,
        }}
      />
    </Card>
  );
}
