import { ArrowRightOutlined } from '@ant-design/icons';
import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/format';
import { type TimelineEntry, useMemberTimeline } from './api';
import { historyActionLabel, memberMessages as m } from './messages';

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', archive: 'gray' };

function Changes({ entry }: { entry: TimelineEntry }) {
  if (!entry.changes.length) return null;
  // A new record lists what it was created with; an edit shows before → after.
  const created = entry.action !== 'update' && entry.changes.every((c) => c.before === null);
  if (created)
    return (
      <div
        style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 16px', marginTop: 6, fontSize: 13 }}
        data-testid="timeline-changes"
      >
        {entry.changes.map((c) => (
          <span key={c.field} style={{ overflowWrap: 'anywhere' }}>
            <Typography.Text type="secondary">{c.field}：</Typography.Text>
            {c.after ?? m.none}
          </span>
        ))}
      </div>
    );
  return (
    <ul style={{ margin: '6px 0 0', paddingInlineStart: 18, fontSize: 13 }} data-testid="timeline-changes">
      {entry.changes.map((c) => (
        <li key={c.field} style={{ overflowWrap: 'anywhere' }}>
          <Typography.Text type="secondary">{c.field}：</Typography.Text>
          <Typography.Text delete type="secondary">
            {c.before ?? m.none}
          </Typography.Text>
          <ArrowRightOutlined style={{ fontSize: 11, marginInline: 6, color: 'rgba(0,0,0,0.45)' }} />
          <span>{c.after ?? m.none}</span>
        </li>
      ))}
    </ul>
  );
}

/** The member's timeline: newest first, who and when (Beijing time), why, and what changed. */
export function MemberTimeline({ memberId }: { memberId: string }) {
  const timeline = useMemberTimeline(memberId);
  if (timeline.isPending) return <Skeleton active />;
  if (timeline.error) return <Typography.Text type="danger">{timeline.error.message}</Typography.Text>;
  if (!timeline.data.length) return <Empty description={m.timelineEmpty} />;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="member-timeline"
      items={timeline.data.map((h) => ({
        key: h.id,
        color: ACTION_COLORS[h.action] ?? 'red',
        content: (
          <div data-testid="timeline-entry">
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
              <Tag color={ACTION_COLORS[h.action] ?? 'red'} style={{ marginInlineEnd: 0 }}>
                {historyActionLabel(h.action)}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(h.at)} · {m.by}
                {h.actorName ?? m.system}
              </Typography.Text>
            </div>
            {h.reason && (
              <div style={{ marginTop: 4, overflowWrap: 'anywhere' }}>
                <Typography.Text type="secondary">{m.reasonLabel}</Typography.Text>
                {h.reason}
              </div>
            )}
            <Changes entry={h} />
          </div>
        ),
      }))}
    />
  );
}
