import { NOTICE_PURPOSE_LABELS } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Checkbox, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useNotices } from './api';
import { developmentMessages } from './messages';
import { ObjectionDrawer } from './SmallDrawers';

const m = developmentMessages.notice;
const STATE_COLORS = { upcoming: 'default', open: 'processing', ended: 'success' } as const;

/** 公示: the notices under the org, open ones first in mind, with the opinions received and what was found. */
export function NoticesTab({ orgId, mobile }: { orgId: string; mobile: boolean }) {
  const [all, setAll] = useState(false);
  const q = useNotices(orgId, all ? 'all' : 'current');
  const [objecting, setObjecting] = useState<string | null>(null);
  if (q.error) return <Alert type="error" showIcon title={q.error.message} />;
  return (
    <>
      <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)} style={{ marginBottom: 12 }}>
        {m.showAll}
      </Checkbox>
      {!q.data ? (
        <Card loading variant="borderless" />
      ) : q.data.length === 0 ? (
        <Empty description={m.empty} />
      ) : (
        <div
          data-testid="notice-list"
          style={{ display: 'grid', gap: 12, gridTemplateColumns: mobile ? '1fr' : 'repeat(2, minmax(0, 1fr))' }}
        >
          {q.data.map((n) => (
            <Card
              key={n.id}
              size="small"
              title={
                <Space wrap>
                  <Link to={`/development/people/${n.developmentId}`}>{n.personName}</Link>
                  <Typography.Text type="secondary">{NOTICE_PURPOSE_LABELS[n.purpose]}</Typography.Text>
                </Space>
              }
              extra={<Tag color={STATE_COLORS[n.state]}>{m.state[n.state]}</Tag>}
            >
              <div>{m.period(n.startsOn, n.endsOn, n.workingDays)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.orgName}
                {n.scope ? ` · ${n.scope}` : ''}
              </Typography.Text>
              <div style={{ marginTop: 8 }}>
                {n.objections.length === 0 ? (
                  <Typography.Text type="secondary">{m.none}</Typography.Text>
                ) : (
                  n.objections.map((o) => (
                    <div key={`${o.receivedOn}-${o.content}`} style={{ marginBottom: 4 }}>
                      <Tag color={o.upheld ? 'red' : 'default'}>{o.upheld ? '属实' : '不属实'}</Tag>
                      {o.receivedOn} {o.content}
                      {o.finding ? `（${o.finding}）` : ''}
                    </div>
                  ))
                )}
              </div>
              <Button size="small" style={{ marginTop: 8 }} onClick={() => setObjecting(n.id)}>
                {m.objection}
              </Button>
            </Card>
          ))}
        </div>
      )}
      {objecting && <ObjectionDrawer noticeId={objecting} onClose={() => setObjecting(null)} />}
    </>
  );
}
