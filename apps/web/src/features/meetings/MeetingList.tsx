import type { MeetingSummary } from '@tongxin/contracts';
import { Button, Empty, Typography } from 'antd';
import { ResponsiveList } from '../../components/ResponsiveList';
import { formatDateTime } from '../../lib/format';
import { KindTag, StatusTag } from './MeetingTags';
import { meetingMessages as m } from './messages';

interface Props {
  items: MeetingSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  showOrg: boolean;
  emptyText: string;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (id: string) => void;
}

/** Meetings newest first: a table on a laptop, cards on a phone. */
export function MeetingList({ items, total, page, pageSize, loading, showOrg, emptyText, onPage, onOpen }: Props) {
  const pagination = {
    current: page,
    pageSize,
    total,
    onChange: onPage,
    showTotal: (n: number) => `共 ${n.toLocaleString('zh-CN')} 次会议`,
    showSizeChanger: true,
  };
  return (
    <ResponsiveList<MeetingSummary>
      items={items}
      rowKey="id"
      loading={loading}
      pagination={pagination}
      empty={<Empty description={emptyText} />}
      table={{ size: 'large', onRow: (r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } }) }}
      card={(r) => ({
        onClick: () => onOpen(r.id),
        testId: 'meeting-card',
        body: (
          <>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span>
                <KindTag kind={r.kind} />
                <StatusTag status={r.status} makesUp={r.makesUpPeriod} />
              </span>
              <Typography.Text type="secondary">{formatDateTime(r.startsAt)}</Typography.Text>
            </div>
            <div style={{ marginTop: 6, fontWeight: 500 }}>{r.topics}</div>
            {showOrg && <Typography.Text type="secondary">{r.org.name}</Typography.Text>}
            <div style={{ color: 'rgba(0,0,0,0.55)' }}>
              {m.attendanceText(r.counts.present, r.counts.expected, r.counts.onLeave)}
              {r.photos ? ` · ${m.photos(r.photos)}` : ''}
            </div>
          </>
        ),
      })}
      columns={[
        { title: m.columns.date, dataIndex: 'startsAt', width: 150, render: (v: string) => formatDateTime(v) },
        { title: m.columns.kind, dataIndex: 'kind', width: 110, render: (k: MeetingSummary['kind']) => <KindTag kind={k} /> },
        ...(showOrg ? [{ title: m.columns.org, dataIndex: ['org', 'name'], ellipsis: true }] : []),
        { title: m.columns.topics, dataIndex: 'topics', ellipsis: true },
        {
          title: m.columns.attendance,
          width: 170,
          render: (_: unknown, r: MeetingSummary) => m.attendanceText(r.counts.present, r.counts.expected, r.counts.onLeave),
        },
        {
          title: m.columns.status,
          width: 190,
          render: (_: unknown, r: MeetingSummary) => <StatusTag status={r.status} makesUp={r.makesUpPeriod} />,
        },
        {
          title: '',
          width: 70,
          render: (_: unknown, r: MeetingSummary) => (
            <Button type="link" size="small" onClick={() => onOpen(r.id)}>
              {m.view}
            </Button>
          ),
        },
      ]}
    />
  );
}
