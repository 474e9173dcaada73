import { WalletOutlined } from '@ant-design/icons';
import type { DuesSheetRow } from '@tongxin/contracts';
import { Alert, Button, Card, DatePicker, Empty, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DownloadButton } from '../components/DownloadButton';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { exportHref, useDuesSheet, useInvalidateDues } from '../features/dues/api';
import { DuesSheetTable, selectable } from '../features/dues/DuesSheetTable';
import { DuesTotals } from '../features/dues/DuesTotals';
import { beijingMonth, isMonth } from '../features/dues/dates';
import { duesMessages as m } from '../features/dues/messages';
import { PaymentDrawer } from '../features/dues/PaymentDrawer';
import { ProfileDrawer } from '../features/dues/ProfileDrawer';
import { ReductionDrawer } from '../features/dues/ReductionDrawer';
import { ReductionsCard } from '../features/dues/ReductionsCard';
import { OrgPicker } from '../features/orgs/OrgPicker';
import { useIsMobile } from '../lib/useIsMobile';

type Open =
  | { kind: 'pay'; rows: DuesSheetRow[] }
  | { kind: 'profile'; row: DuesSheetRow }
  | { kind: 'reduce'; row: DuesSheetRow };

/** 党费收缴: one org's sheet for one month (both in the URL), with batch payments, bases and reductions. */
export default function DuesPage() {
  const { data: me } = useMe();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const home = me?.grants.find((g) => g.orgId && (g.role === 'secretary' || g.role === 'committee_admin'));
  const orgId = params.get('orgId') ?? home?.orgId ?? null;
  const monthParam = params.get('month');
  const month = isMonth(monthParam) ? monthParam : beijingMonth();
  const sheet = useDuesSheet(orgId, month);
  const invalidate = useInvalidateDues();
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<Open | null>(null);
  if (!me) return null;

  const go = (next: { orgId?: string | null; month?: string }) => {
    const out: Record<string, string> = {};
    const o = next.orgId === undefined ? orgId : next.orgId;
    if (o) out.orgId = o;
    out.month = next.month ?? month;
    setSelected([]);
    setParams(out);
  };
  const data = sheet.data?.orgId === orgId && sheet.data.month === month ? sheet.data : null;
  const label = data?.orgName ?? (orgId === home?.orgId ? home?.orgName : null) ?? null;
  const rows = data ? data.items.filter((r) => selected.includes(r.memberId) && selectable(data, r)) : [];
  const saved = () => {
    setOpen(null);
    setSelected([]);
    void invalidate();
  };

  return (
    <Card>
      <PageHeader title={<span data-testid="dues-title">{m.title}</span>}>
        <Space wrap size={8}>
          {data?.abilities.record && !mobile && (
            <Button
              type="primary"
              icon={<WalletOutlined />}
              disabled={rows.length === 0}
              onClick={() => setOpen({ kind: 'pay', rows })}
              data-testid="batch-record"
            >
              {rows.length ? m.batchRecordCount(rows.length) : m.batchRecord}
            </Button>
          )}
          {data && (
            <Tooltip title={m.exportHint}>
              <DownloadButton href={exportHref(data.orgId, data.month)} fileName="党费收缴表.xlsx" data-testid="export-dues">
                {m.export}
              </DownloadButton>
            </Tooltip>
          )}
        </Space>
      </PageHeader>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <div style={{ flex: mobile ? '1 1 100%' : '0 1 420px' }} data-testid="dues-org">
          <OrgPicker
            key={`${orgId}-${label ? 1 : 0}`}
            value={orgId}
            initialLabel={label}
            placeholder={m.pickOrg}
            onChange={(id) => go({ orgId: id })}
          />
        </div>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && go({ month: d.format('YYYY-MM') })}
          disabledDate={(d) => d.format('YYYY-MM') > beijingMonth()}
          style={{ width: mobile ? '100%' : 160 }}
          aria-label={m.month}
          data-testid="dues-month"
        />
      </div>
      {!orgId && <Empty description={m.pickOrgHint} />}
      {sheet.error && <Alert type="error" showIcon title={sheet.error.message} style={{ marginBottom: 16 }} />}
      {data && (
        <>
          <DuesTotals sheet={data} mobile={mobile} />
          <DuesSheetTable
            sheet={data}
            loading={sheet.isFetching}
            mobile={mobile}
            selected={selected}
            onSelect={setSelected}
            actions={{
              record: (row) => setOpen({ kind: 'pay', rows: [row] }),
              profile: (row) => setOpen({ kind: 'profile', row }),
              reduce: (row) => setOpen({ kind: 'reduce', row }),
            }}
          />
          <ReductionsCard orgId={data.orgId} onChanged={() => void invalidate()} />
        </>
      )}
      {orgId && !data && sheet.isFetching && <Card loading variant="borderless" />}
      {open?.kind === 'pay' && data && (
        <PaymentDrawer orgId={data.orgId} month={data.month} rows={open.rows} onClose={() => setOpen(null)} onSaved={saved} />
      )}
      {open?.kind === 'profile' && <ProfileDrawer row={open.row} onClose={() => setOpen(null)} onSaved={saved} />}
      {open?.kind === 'reduce' && <ReductionDrawer row={open.row} month={month} onClose={() => setOpen(null)} onSaved={saved} />}
    </Card>
  );
}
