import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { useTermReminders } from './api';
import { orgMessages as m } from './messages';

/** Committees whose term has ended or ends soon; shown only when there is something to do. */
export function TermReminderCard() {
  const { data } = useTermReminders(true);
  if (!data?.length) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <ClockCircleOutlined style={{ color: '#fa8c16', marginInlineEnd: 6 }} />
          {m.remindersTitle}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="term-reminders"
    >
      {data.map((r) => (
        <div key={r.orgId} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', padding: '4px 0' }}>
          <Link to={`/orgs/${r.orgId}?tab=committee`}>{r.orgName}</Link>
          <span style={{ color: '#888' }}>
            {m.termEnd} {r.termEnd}
          </span>
          <Tag color={r.daysLeft < 0 ? 'red' : 'orange'}>
            {r.daysLeft < 0 ? m.reminderExpired(-r.daysLeft) : m.reminderLeft(r.daysLeft)}
          </Tag>
        </div>
      ))}
    </Card>
  );
}
