import type { ComplianceResponse, ComplianceStatus } from '@tongxin/contracts';
import { COMPLIANCE_STATUS_LABELS, periodLabel } from '@tongxin/contracts/labels';
import { Empty, Space, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { meetingMessages as m } from './messages';

export const STATUS_COLOURS: Record<ComplianceStatus, { background: string; color: string }> = {
  on_time: { background: '#52c41a', color: '#fff' },
  made_up: { background: '#faad14', color: '#fff' },
  missing: { background: '#f5222d', color: '#fff' },
  due: { background: '#bae0ff', color: '#0958d9' },
  upcoming: { background: '#f5f5f5', color: 'rgba(0,0,0,0.35)' },
  not_required: { background: '#fafafa', color: 'rgba(0,0,0,0.25)' },
};
const SHORT: Record<ComplianceStatus, string> = {
  on_time: '✓',
  made_up: '补',
  missing: '缺',
  due: '待',
  upcoming: '',
  not_required: '—',
};

export function Legend() {
  return (
    <Space wrap size={12} data-testid="compliance-legend">
      {(Object.keys(STATUS_COLOURS) as ComplianceStatus[]).map((s) => (
        <span key={s} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <span
            style={{
              ...STATUS_COLOURS[s],
              width: 18,
              height: 18,
              borderRadius: 3,
              display: 'inline-flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontSize: 11,
              border: '1px solid #e8e8e8',
            }}
          >
            {SHORT[s]}
          </span>
          {COMPLIANCE_STATUS_LABELS[s]}
        </span>
      ))}
    </Space>
  );
}

type Row = ComplianceResponse['rows']['items'][number];

/**
 * The heat map: branches × the 12 months. A quarterly kind's cell spans its three months, a yearly kind's
 * the whole row, so each coloured block is one period the branch owes.
 */
export function ComplianceGrid({
  data,
  loading,
  onPage,
  mobile,
}: {
  data: ComplianceResponse;
  loading: boolean;
  onPage: (page: number, size: number) => void;
  mobile: boolean;
}) {
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const periodIndexOf = new Map<number, number>();
  data.periods.forEach((p, i) => {
    for (const mo of p.months) periodIndexOf.set(mo, i);
  });
  const columns: ColumnsType<Row> = [
    { title: m.branch, dataIndex: 'name', fixed: 'left', width: mobile ? 130 : 260, ellipsis: true },
    ...months.map((mo) => ({
      title: `${mo}月`,
      key: `m${mo}`,
      width: 46,
      align: 'center' as const,
      onCell: (r: Row) => {
        const i = periodIndexOf.get(mo)!;
        const p = data.periods[i]!;
        const first = p.months[0] === mo;
        const status = r.cells[i]!.status;
        return {
          colSpan: first ? p.months.length : 0,
          style: { ...STATUS_COLOURS[status], padding: 0, borderInlineEnd: '2px solid #fff' },
        };
      },
      render: (_: unknown, r: Row) => {
        const i = periodIndexOf.get(mo)!;
        const p = data.periods[i]!;
        if (p.months[0] !== mo) return null;
        const status = r.cells[i]!.status;
        return (
          <Tooltip title={`${r.name} · ${periodLabel(p.key)}：${COMPLIANCE_STATUS_LABELS[status]}`}>
            <div style={{ height: 30, lineHeight: '30px', fontWeight: 600 }} data-status={status} data-period={p.key}>
              {SHORT[status]}
            </div>
          </Tooltip>
        );
      },
    })),
    {
      title: m.missingCount,
      dataIndex: 'missing',
      width: 64,
      align: 'center',
      fixed: mobile ? undefined : 'right',
      render: (n: number) => (n ? <b style={{ color: '#cf1322' }}>{n}</b> : 0),
    },
  ];
  return (
    <Table<Row>
      rowKey="orgId"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={data.rows.items}
      scroll={{ x: (mobile ? 130 : 260) + 12 * 46 + 64 }}
      locale={{ emptyText: <Empty description={m.gridEmpty} /> }}
      pagination={{
        current: data.rows.page,
        pageSize: data.rows.pageSize,
        total: data.rows.total,
        onChange: onPage,
        showTotal: (n) => m.branchCount(n),
        simple: mobile,
      }}
      data-testid="compliance-grid"
    />
  );
}
