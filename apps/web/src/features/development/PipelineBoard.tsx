import type { PersonSummary } from '@tongxin/contracts';
import { DEVELOPMENT_STAGE_LABELS, DEVELOPMENT_STAGES, stepOf } from '@tongxin/contracts/labels';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Board } from './api';
import { developmentMessages as m } from './messages';

/** One person's card on the board: name, org, the next step and its deadline. */
export function PersonCard({ p, showOrg }: { p: PersonSummary; showOrg: boolean }) {
  const next = p.nextStep ? stepOf(p.nextStep) : null;
  return (
    <Link to={`/development/people/${p.id}`} data-testid="board-person" style={{ display: 'block' }}>
      <Card size="small" hoverable styles={{ body: { padding: '8px 10px' } }}>
        <Space size={4} wrap>
          <Typography.Text strong>{p.name}</Typography.Text>
          {p.overdue && <Tag color="red">{m.overdue}</Tag>}
          {p.upcoming && <Tag color="orange">{m.upcoming}</Tag>}
          {p.keyTalent && <Tag color="gold">{m.keyTalent}</Tag>}
        </Space>
        {showOrg && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {p.orgName}
          </Typography.Text>
        )}
        {next && <Typography.Text style={{ display: 'block', fontSize: 12 }}>{m.nextStep(next.no, next.title)}</Typography.Text>}
        {p.due && (
          <Typography.Text type={p.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {m.due(p.due)}
          </Typography.Text>
        )}
      </Card>
    </Link>
  );
}

/** People by stage in five columns (kanban-like); on a phone the columns stack. */
export function PipelineBoard({ board, orgId, mobile }: { board: Board; orgId: string; mobile: boolean }) {
  if (board.people.length === 0 && !board.counts.done) return <Empty description={m.boardAllEmpty} />;
  return (
    <div
      data-testid="pipeline-board"
      style={{ display: 'flex', flexDirection: mobile ? 'column' : 'row', gap: 12, alignItems: 'stretch' }}
    >
      {DEVELOPMENT_STAGES.map((stage) => {
        const people = board.people.filter((p) => p.stage === stage);
        return (
          <div key={stage} style={{ flex: 1, minWidth: 0 }} data-testid={`stage-${stage}`}>
            <Card
              size="small"
              title={DEVELOPMENT_STAGE_LABELS[stage]}
              extra={<Tag>{m.count(board.counts[stage] ?? 0)}</Tag>}
              styles={{ body: { background: '#fafafa', minHeight: mobile ? undefined : 240 } }}
            >
              <Space orientation="vertical" style={{ width: '100%' }} size={8}>
                {people.length === 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.boardEmpty}
                  </Typography.Text>
                )}
                {people.map((p) => (
                  <PersonCard key={p.id} p={p} showOrg={p.orgId !== orgId} />
                ))}
              </Space>
            </Card>
          </div>
        );
      })}
    </div>
  );
}
