import type { Role } from '@tongxin/contracts';
import { AUDIT_RESULT_LABELS, ROLE_LABELS } from '@tongxin/contracts/labels';
import { Empty, Table, type TableColumnsType, type TablePaginationConfig, Tag, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import type { AuditEntry } from './api';
import { AUDIT_OBJECT_LABELS, AUDIT_RESULT_COLORS, AUDIT_TYPE_LABELS, auditMessages as m } from './messages';

const typeLabel = (t: string) => AUDIT_TYPE_LABELS[t] ?? t;
const actorLabel = (r: AuditEntry) => (r.actorName === 'system' || !r.actorName ? m.system : r.actorName);

/** Three columns that fit 375 px; the rest is in the expanded row. */
const phoneColumns: TableColumnsType<AuditEntry> = [
  {
    title: m.at,
    dataIndex: 'at',
    render: (v: string, r) => (
      <span>
        {formatDateTime(v)}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          #{r.seq} · {r.ip ?? '—'}
        </Typography.Text>
      </span>
    ),
  },
  {
    title: m.type,
    dataIndex: 'type',
    render: (t: string, r) => (
      <span>
        {typeLabel(t)}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, wordBreak: 'break-all' }}>
          {actorLabel(r)}
        </Typography.Text>
      </span>
    ),
  },
  {
    title: m.result,
    dataIndex: 'result',
    width: 64,
    render: (r: AuditEntry['result']) => <Tag color={AUDIT_RESULT_COLORS[r]}>{AUDIT_RESULT_LABELS[r]}</Tag>,
  },
];

const roleLabel = (role: string | null) => (role && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : null);

export function AuditTable({
  items,
  loading,
  pagination,
  mobile,
}: {
  items: AuditEntry[];
  loading: boolean;
  pagination: TablePaginationConfig;
  mobile: boolean;
}) {
  return (
    <Table<AuditEntry>
      rowKey="seq"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      scroll={mobile ? undefined : { x: 960 }}
      locale={{ emptyText: <Empty description={m.empty} /> }}
      expandable={{
        expandedRowRender: (r) => (
          <div style={{ fontSize: 12 }}>
            <div>
              {m.requestId}：{r.requestId ?? '—'}
            </div>
            <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: '6px 0 0' }}>
              {JSON.stringify(r.detail, null, 2)}
            </pre>
          </div>
        ),
      }}
      columns={
        mobile
          ? phoneColumns
          : [
              { title: m.seq, dataIndex: 'seq', width: 80 },
              { title: m.at, dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
              {
                title: m.type,
                dataIndex: 'type',
                width: 200,
                render: (t: string) => (
                  <span>
                    {AUDIT_TYPE_LABELS[t] ?? t}
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                      {t}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                title: m.result,
                dataIndex: 'result',
                width: 80,
                render: (r: AuditEntry['result']) => <Tag color={AUDIT_RESULT_COLORS[r]}>{AUDIT_RESULT_LABELS[r]}</Tag>,
              },
              {
                title: m.actor,
                key: 'actor',
                width: 200,
                render: (_, r) =>
                  r.actorName === 'system' || !r.actorName ? (
                    m.system
                  ) : (
                    <span>
                      {r.actorName}
                      {roleLabel(r.actorRole) && (
                        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                          {roleLabel(r.actorRole)}
                        </Typography.Text>
                      )}
                    </span>
                  ),
              },
              {
                title: m.object,
                dataIndex: 'objectType',
                width: 90,
                render: (t: string | null) => (t ? (AUDIT_OBJECT_LABELS[t] ?? t) : '—'),
              },
              { title: m.ip, dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
            ]
      }
    />
  );
}
