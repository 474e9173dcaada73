import type { PersonSummary } from '@tongxin/contracts';
import { DEVELOPMENT_STAGE_LABELS, STEP, stepOf } from '@tongxin/contracts/labels';
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ItemRows } from '../../components/ItemRows';
import { useDeadlines } from './api';
import { developmentMessages as m } from './messages';

const c = m.columns;
/** What the deadline is for: the next step, or an activist's six-monthly review. */
const what = (p: PersonSummary) => {
  const no = p.dueIsReview ? STEP.review : p.nextStep;
  return no ? `第${no}步 ${stepOf(no)?.title}` : '';
};

function Deadlines({ items, mobile, testId }: { items: PersonSummary[]; mobile: boolean; testId: string }) {
  if (mobile) {
    return (
      <ItemRows
        testId={testId}
        rows={items.map((p) => ({
          key: p.id,
          title: <Link to={`/development/people/${p.id}`}>{p.name}</Link>,
          description: `${p.orgName} · ${what(p)} · ${m.due(p.due ?? '')}`,
        }))}
      />
    );
  }
  return (
    <Table
      data-testid={testId}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: c.name, dataIndex: 'name', render: (name: string, p) => <Link to={`/development/people/${p.id}`}>{name}</Link> },
        { title: c.org, dataIndex: 'orgName' },
        { title: c.stage, dataIndex: 'stage', render: (s: keyof typeof DEVELOPMENT_STAGE_LABELS) => DEVELOPMENT_STAGE_LABELS[s] },
        { title: c.next, render: (_: unknown, p: PersonSummary) => what(p) },
        {
          title: c.due,
          dataIndex: 'due',
          render: (d: string, p) => <Typography.Text type={p.overdue ? 'danger' : undefined}>{d}</Typography.Text>,
        },
        {
          title: c.state,
          render: (_: unknown, p) => (p.overdue ? <Tag color="red">{m.overdue}</Tag> : <Tag color="orange">{m.upcoming}</Tag>),
        },
      ]}
    />
  );
}

/** Oversight: who is past a deadline (a step or a six-monthly review) and who is due within 30 days. */
export function DeadlinesList({ orgId, mobile }: { orgId: string; mobile: boolean }) {
  const q = useDeadlines(orgId);
  if (q.error) return <Alert type="error" showIcon title={q.error.message} />;
  if (!q.data) return <Card loading variant="borderless" />;
  if (q.data.overdue.length + q.data.upcoming.length === 0) return <Empty description={m.deadlinesEmpty} />;
  return (
    <>
      <Typography.Title level={5}>
        {m.overdueTitle}（{q.data.overdue.length}）
      </Typography.Title>
      <Deadlines items={q.data.overdue} mobile={mobile} testId="deadlines-overdue" />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {m.upcomingTitle}（{q.data.upcoming.length}）
      </Typography.Title>
      <Deadlines items={q.data.upcoming} mobile={mobile} testId="deadlines-upcoming" />
    </>
  );
}
