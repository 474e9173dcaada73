import type { ComplianceResponse, ComplianceStatus } from '@tongxin/contracts';
import { COMPLIANCE_STATUS_LABELS, FREQUENCY_LABELS, MEETING_KIND_LABELS } from '@tongxin/contracts/labels';
import { Table, Tooltip } from 'antd';
import { STATUS_COLOURS } from './ComplianceGrid';
import { meetingMessages as m } from './messages';

const SHOWN: ComplianceStatus[] = ['on_time', 'made_up', 'missing', 'due'];

/** Each kind's periods so far over all branches: numbers beside a proportion bar (people read either). */
export function ComplianceOverview({
  data,
  onKind,
}: {
  data: ComplianceResponse;
  onKind: (kind: ComplianceResponse['kind']) => void;
}) {
  type Row = ComplianceResponse['kinds'][number];
  return (
    <Table<Row>
      rowKey="kind"
      size="small"
      pagination={false}
      dataSource={data.kinds}
      scroll={{ x: 640 }}
      onRow={(r) => ({
        onClick: () => onKind(r.kind),
        style: { cursor: 'pointer', background: r.kind === data.kind ? '#fff1f0' : undefined },
      })}
      columns={[
        { title: m.kind, dataIndex: 'kind', width: 130, render: (k: Row['kind']) => MEETING_KIND_LABELS[k] },
        { title: m.frequency, dataIndex: 'frequency', width: 110, render: (f: Row['frequency']) => FREQUENCY_LABELS[f] },
        ...SHOWN.map((s) => ({
          title: COMPLIANCE_STATUS_LABELS[s],
          key: s,
          width: 80,
          align: 'right' as const,
          render: (_: unknown, r: Row) => r.counts[s].toLocaleString('zh-CN'),
        })),
        {
          title: '构成',
          key: 'bar',
          render: (_: unknown, r: Row) => {
            const total = SHOWN.reduce((n, s) => n + r.counts[s], 0) || 1;
            return (
              <div style={{ display: 'flex', height: 14, borderRadius: 3, overflow: 'hidden', minWidth: 120 }}>
                {SHOWN.map((s) => (
                  <Tooltip key={s} title={`${COMPLIANCE_STATUS_LABELS[s]} ${r.counts[s]}`}>
                    <div style={{ width: `${(r.counts[s] / total) * 100}%`, background: STATUS_COLOURS[s].background }} />
                  </Tooltip>
                ))}
              </div>
            );
          },
        },
      ]}
    />
  );
}
