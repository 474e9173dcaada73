import { LEDGER_CHECK_KIND_LABELS, LEDGER_CHECK_SEVERITY_LABELS } from '@tongxin/contracts/labels';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatNumber } from '../../lib/format';
import type { LedgerFinding } from './api';
import { ledgerCheckMessages as m, SEVERITY_COLORS } from './messages';

/** Where a finding is fixed: the member's record, or the org's page. */
export const findingLink = (f: LedgerFinding) =>
  f.subject.type === 'member' ? `/members/${f.subject.id}` : `/orgs/${f.subject.id}`;

const severityTag = (f: LedgerFinding) => (
  <Tag color={SEVERITY_COLORS[f.severity]} style={{ marginInlineEnd: 0 }}>
    {LEDGER_CHECK_SEVERITY_LABELS[f.severity]}
  </Tag>
);

function Subject({ f }: { f: LedgerFinding }) {
  const s = f.subject;
  return (
    <span>
      <Link to={findingLink(f)} data-testid="finding-link">
        {s.name}
      </Link>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {s.type === 'member' ? [s.orgName, s.idNumberMasked].filter(Boolean).join(' · ') : m.orgTag}
      </Typography.Text>
    </span>
  );
}

const desktopColumns: TableColumnsType<LedgerFinding> = [
  { title: m.severity, dataIndex: 'severity', width: 72, render: (_, f) => severityTag(f) },
  { title: m.kind, dataIndex: 'kind', width: 180, render: (_, f) => LEDGER_CHECK_KIND_LABELS[f.kind] },
  { title: m.subject, key: 'subject', width: 260, render: (_, f) => <Subject f={f} /> },
  { title: m.message, dataIndex: 'message' },
  {
    title: m.action,
    key: 'action',
    width: 96,
    render: (_, f) => <Link to={findingLink(f)}>{f.subject.type === 'member' ? m.fixMember : m.fixOrg}</Link>,
  },
];

/** On a phone: one column, the record and its problem stacked. */
const phoneColumns: TableColumnsType<LedgerFinding> = [
  {
    title: m.subject,
    key: 'all',
    render: (_, f) => (
      <div>
        <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap', marginBottom: 4 }}>
          {severityTag(f)}
          <Typography.Text strong>{LEDGER_CHECK_KIND_LABELS[f.kind]}</Typography.Text>
        </div>
        <Subject f={f} />
        <div style={{ marginTop: 4 }}>{f.message}</div>
      </div>
    ),
  },
];

export function FindingsTable({ items, mobile }: { items: LedgerFinding[]; mobile: boolean }) {
  return (
    <Table<LedgerFinding>
      rowKey={(f) => `${f.kind}:${f.subject.type}:${f.subject.id}`}
      columns={mobile ? phoneColumns : desktopColumns}
      dataSource={items}
      size={mobile ? 'small' : 'middle'}
      showHeader={!mobile}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: !mobile,
        pageSizeOptions: [20, 50, 100],
        showTotal: (t) => m.total(formatNumber(t)),
        simple: mobile,
        hideOnSinglePage: true,
      }}
      data-testid="ledger-findings"
    />
  );
}
