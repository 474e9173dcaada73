import { ReloadOutlined } from '@ant-design/icons';
import {
  LEDGER_CHECK_KIND_LABELS,
  LEDGER_CHECK_KINDS,
  LEDGER_CHECK_SEVERITIES,
  type LedgerCheckKind,
  type LedgerCheckSeverity,
} from '@tongxin/contracts/labels';
import { Alert, Button, Card, Empty, Result, Select, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useLedgerCheck } from '../features/ledger-check/api';
import { FindingsTable } from '../features/ledger-check/FindingsTable';
import { KindSummary } from '../features/ledger-check/KindSummary';
import { ledgerCheckMessages as m } from '../features/ledger-check/messages';
import { OrgPicker } from '../features/orgs/OrgPicker';
import { formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const isKind = (v: string | null): v is LedgerCheckKind => (LEDGER_CHECK_KINDS as readonly string[]).includes(v ?? '');

/** 台账体检: the findings of the user's scope (or one org's subtree), by kind, each linking to where it is fixed. */
export default function LedgerCheckPage() {
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId');
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : null;
  const check = useLedgerCheck(orgId);
  const data = check.data;

  const go = (next: { orgId?: string | null; kind?: LedgerCheckKind | null }) => {
    const out: Record<string, string> = {};
    const o = next.orgId === undefined ? orgId : next.orgId;
    const k = next.kind === undefined ? kind : next.kind;
    if (o) out.orgId = o;
    if (k) out.kind = k;
    setParams(out);
  };

  const found = data ? LEDGER_CHECK_KINDS.reduce((n, k) => n + data.totals[k], 0) : 0;
  const items = data ? (kind ? data.findings.filter((f) => f.kind === kind) : data.findings) : [];
  const shownOfKind = kind ? items.length : 0;
  const worst: Partial<Record<LedgerCheckKind, LedgerCheckSeverity>> = {};
  for (const f of data?.findings ?? []) {
    const seen = worst[f.kind];
    if (!seen || LEDGER_CHECK_SEVERITIES.indexOf(f.severity) < LEDGER_CHECK_SEVERITIES.indexOf(seen)) worst[f.kind] = f.severity;
  }
  const capped = data ? LEDGER_CHECK_KINDS.filter((k) => data.totals[k] > data.findings.filter((f) => f.kind === k).length) : [];

  return (
    <Card>
      <PageHeader title={m.title}>
        <div style={{ width: mobile ? '100%' : 340 }}>
          <OrgPicker
            key={data?.scope.orgName ?? 'all'}
            value={orgId}
            initialLabel={data?.scope.orgName ?? null}
            onChange={(id) => go({ orgId: id, kind: null })}
            allowClear
            placeholder={m.wholeScope}
          />
        </div>
        <Button icon={<ReloadOutlined />} loading={check.isFetching} onClick={() => void check.refetch()} data-testid="recheck">
          {m.recheck}
        </Button>
      </PageHeader>
      {check.error && (
        <Alert type="error" showIcon title={`${m.loadFailed}：${check.error.message}`} style={{ marginBottom: 16 }} />
      )}
      {!data && check.isLoading && <Skeleton active />}
      {data && (
        <>
          <Typography.Paragraph type="secondary" data-testid="ledger-check-scope">
            {m.scopeLine(
              data.scope.orgName ?? m.wholeScope,
              formatNumber(data.membersChecked),
              formatNumber(data.orgsChecked),
              data.today,
            )}
          </Typography.Paragraph>
          {found === 0 ? (
            data.membersChecked === 0 ? (
              <Empty description={m.cleanEmpty} data-testid="ledger-check-clean" />
            ) : (
              <Result status="success" title={m.cleanTitle} subTitle={m.cleanText} data-testid="ledger-check-clean" />
            )
          ) : (
            <>
              <Alert
                type="warning"
                showIcon
                title={m.foundTitle(formatNumber(found))}
                description={mobile ? undefined : m.foundText}
                style={{ marginBottom: 16 }}
                data-testid="ledger-check-found"
              />
              <KindSummary totals={data.totals} worst={worst} selected={kind} onSelect={(k) => go({ kind: k })} />
              {mobile && (
                <Select<LedgerCheckKind | 'all'>
                  aria-label={m.kindFilter}
                  value={kind ?? 'all'}
                  onChange={(v) => go({ kind: v === 'all' ? null : v })}
                  style={{ width: '100%', marginBottom: 12 }}
                  options={[
                    { value: 'all', label: `${m.allKinds}（${formatNumber(found)}）` },
                    ...LEDGER_CHECK_KINDS.filter((k) => data.totals[k] > 0).map((k) => ({
                      value: k,
                      label: `${LEDGER_CHECK_KIND_LABELS[k]}（${formatNumber(data.totals[k])}）`,
                    })),
                  ]}
                />
              )}
              {!kind && capped.length > 0 && (
                <Alert
                  type="info"
                  showIcon
                  title={m.cappedKinds(
                    formatNumber(data.limitPerKind),
                    capped.map((k) => LEDGER_CHECK_KIND_LABELS[k]).join('、'),
                  )}
                  style={{ marginBottom: 12 }}
                />
              )}
              {kind && data.totals[kind] > shownOfKind && (
                <Alert
                  type="info"
                  showIcon
                  title={m.capped(formatNumber(shownOfKind), formatNumber(data.totals[kind]))}
                  style={{ marginBottom: 12 }}
                />
              )}
              <FindingsTable items={items} mobile={mobile} />
            </>
          )}
        </>
      )}
    </Card>
  );
}
