import type { StarMapResponse } from '@tongxin/contracts';
import { Alert, Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useIsMobile } from '../../lib/useIsMobile';
import { useStarMap } from './api';
import { Stars } from './Stars';

type Branch = StarMapResponse['branches'][number];

/** 星级分布: the star levels in force across the user's subtree, with showcases and incubated branches. */
export function StarMapTab({ orgId }: { orgId: string | null }) {
  const mobile = useIsMobile();
  const map = useStarMap(orgId);
  if (!orgId) return <Empty description="没有可查看的组织" />;
  if (map.isPending) return <Skeleton active />;
  if (map.error) return <Alert type="error" showIcon title={map.error.message} />;
  const d = map.data;
  const rated = d.rated || 1;
  return (
    <div data-testid="star-map">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {[
          ['已评定星级', d.rated, 'rated'],
          ['四星级及以上', d.atLeastFour, 'four'],
          ['示范点', d.showcases, 'showcases'],
          ['孵化培育', d.incubations, 'incubations'],
        ].map(([title, value, key]) => (
          <Col xs={12} md={6} key={key as string}>
            <Card size="small">
              <Statistic title={title as string} value={value as number} suffix="个" data-testid={`stat-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={`${d.orgName} 星级分布`} style={{ marginBottom: 16 }}>
        {[5, 4, 3, 2, 1].map((s) => (
          <Flex key={s} align="center" gap={12} style={{ marginBottom: 4 }}>
            <div style={{ width: mobile ? 92 : 110, flex: 'none' }}>
              <Stars stars={s} small />
            </div>
            <Progress
              percent={Math.round(((d.byStars[String(s)] ?? 0) / rated) * 100)}
              format={() => `${d.byStars[String(s)] ?? 0}个`}
              style={{ flex: 1, margin: 0 }}
            />
          </Flex>
        ))}
      </Card>
      <Table<Branch>
        rowKey="orgId"
        size="small"
        dataSource={d.branches}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个党支部` }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '党支部', key: 'org', render: (_, b) => <Link to={`/orgs/${b.orgId}`}>{b.orgName}</Link> },
          ...(mobile ? [] : [{ title: '上级党组织', key: 'parent', render: (_: unknown, b: Branch) => b.parentName ?? '—' }]),
          { title: '星级', key: 'stars', render: (_, b) => <Stars stars={b.stars} small /> },
          {
            title: '培育',
            key: 'cases',
            render: (_, b) => (
              <>
                {b.showcase && <Tag color="gold">示范点</Tag>}
                {b.incubation && <Tag color="blue">孵化</Tag>}
              </>
            ),
          },
          ...(mobile ? [] : [{ title: '有效期至', key: 'until', render: (_: unknown, b: Branch) => b.validUntil ?? '—' }]),
        ]}
      />
    </div>
  );
}
