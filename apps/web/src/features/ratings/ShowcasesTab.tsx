import { SHOWCASE_KIND_LABELS, SHOWCASE_STATUS_LABELS } from '@tongxin/contracts/labels';
import { Alert, Card, Checkbox, Col, Empty, Progress, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useShowcases } from './api';
import { Stars } from './Stars';

/** 示范点与孵化: each showcase site and incubated branch with its targets, mentor and progress. */
export function ShowcasesTab({ orgId }: { orgId: string | null }) {
  const list = useShowcases(orgId);
  if (!orgId) return <Empty description="没有可查看的组织" />;
  if (list.isPending) return <Skeleton active />;
  if (list.error) return <Alert type="error" showIcon title={list.error.message} />;
  if (list.data.items.length === 0) return <Empty description="还没有示范点或孵化对象" />;
  return (
    <Row gutter={[12, 12]} data-testid="showcases">
      {list.data.items.map((c) => (
        <Col xs={24} md={12} xl={8} key={c.id}>
          <Card
            size="small"
            title={
              <Space size={4} wrap>
                <Tag color={c.kind === 'showcase' ? 'gold' : 'blue'}>{SHOWCASE_KIND_LABELS[c.kind]}</Tag>
                <Link to={`/orgs/${c.orgId}`}>{c.orgName}</Link>
              </Space>
            }
            extra={<Tag>{SHOWCASE_STATUS_LABELS[c.status]}</Tag>}
          >
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {c.title}　指导：{c.mentorName}
              {c.mentorOrgName ? `（结对：${c.mentorOrgName}）` : ''}
            </Typography.Paragraph>
            <Space size={4} style={{ marginBottom: 8 }} wrap>
              <span>当前</span>
              <Stars stars={c.currentStars} small />
              <span>目标</span>
              <Stars stars={c.targetStars} small />
            </Space>
            <Progress percent={c.percent} size="small" />
            <div style={{ display: 'grid', gap: 2, margin: '8px 0' }}>
              {c.targets.map((t) => (
                <Checkbox key={t.text} checked={t.done} disabled>
                  {t.text}
                </Checkbox>
              ))}
            </div>
            <Typography.Text type="secondary">
              {c.startedOn} 至 {c.dueOn}
              {c.progress[0] ? `；最近进展：${c.progress[0].note}` : ''}
            </Typography.Text>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
