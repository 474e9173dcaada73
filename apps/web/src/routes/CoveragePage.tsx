import type { Coverage } from '@tongxin/contracts';
import { Alert, Button, Card, Col, Empty, Progress, Row, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useCoverage } from '../features/enterprises/api';
import { CoverageChart, shortName } from '../features/enterprises/CoverageChart';
import { CoverageTag } from '../features/enterprises/EnterpriseTags';
import { coverageMessages as m } from '../features/enterprises/messages';
import { useIsMobile } from '../lib/useIsMobile';

const pct = (permille: number | null) => (permille === null ? '—' : `${(permille / 10).toFixed(1)}%`);

function Rate({
  title,
  permille,
  help,
  color,
  testId,
}: {
  title: string;
  permille: number | null;
  help: string;
  color: string;
  testId: string;
}) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div style={{ fontSize: 30, fontWeight: 600, fontVariantNumeric: 'tabular-nums', color }} data-testid={testId}>
        {pct(permille)}
      </div>
      <Progress percent={(permille ?? 0) / 10} showInfo={false} strokeColor={color} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {help}
      </Typography.Text>
    </Card>
  );
}

/** 两个覆盖 for the user's subtree (or one district or park below it): rates, a chart by part, the lists to act on. */
export default function CoveragePage() {
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org') ?? undefined;
  const coverage = useCoverage(orgId);
  if (coverage.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (coverage.isError) return <Alert type="error" showIcon title={coverage.error.message} />;
  const c: Coverage = coverage.data;
  const t = c.totals;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader title={`${m.title} · ${c.org.name}`}>
          {orgId && (
            <Button onClick={() => setParams({})} data-testid="coverage-top">
              返回全部
            </Button>
          )}
        </PageHeader>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {m.registered(t.registered, t.inScope)}。{m.scopeRule(c.rules.scopeText, c.rules.visitEveryMonths)}
        </Typography.Paragraph>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Rate
              title={m.orgRate}
              permille={t.orgRatePermille}
              help={m.orgRateHelp(t.own, t.joint, t.inScope)}
              color="#c8161d"
              testId="rate-org"
            />
          </Col>
          <Col xs={24} md={8}>
            <Rate
              title={m.ownRate}
              permille={t.ownRatePermille}
              help={m.ownRateHelp(t.own, t.inScope)}
              color="#d46b08"
              testId="rate-own"
            />
          </Col>
          <Col xs={24} md={8}>
            <Rate
              title={m.workRate}
              permille={t.workRatePermille}
              help={m.workRateHelp(t.workCovered, t.none)}
              color="#2f54eb"
              testId="rate-work"
            />
          </Col>
        </Row>
      </Card>
      {c.parts.length > 0 && (
        <Card title={m.byPart} size="small">
          <CoverageChart parts={c.parts} height={mobile ? 260 : 320} />
          <Table
            rowKey={(p) => p.org.id}
            size="small"
            pagination={false}
            scroll={{ x: 620 }}
            dataSource={c.parts}
            columns={[
              {
                title: m.col.part,
                key: 'org',
                render: (_, p) => (
                  <Typography.Link onClick={() => setParams({ org: p.org.id })} title={p.org.name}>
                    {shortName(p.org.name)}
                  </Typography.Link>
                ),
              },
              { title: m.col.inScope, dataIndex: 'inScope', align: 'right' },
              { title: m.orgRate, key: 'org-rate', align: 'right', render: (_, p) => pct(p.orgRatePermille) },
              { title: m.ownRate, key: 'own-rate', align: 'right', render: (_, p) => pct(p.ownRatePermille) },
              { title: m.workRate, key: 'work-rate', align: 'right', render: (_, p) => pct(p.workRatePermille) },
            ]}
          />
        </Card>
      )}
      <Card
        title={`${m.uncovered}（${t.none}）`}
        size="small"
        extra={!mobile && <Typography.Text type="secondary">{m.uncoveredHelp}</Typography.Text>}
      >
        <Table
          rowKey="id"
          size="small"
          dataSource={c.uncovered}
          locale={{ emptyText: <Empty description={m.uncoveredEmpty} /> }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, simple: mobile }}
          scroll={{ x: 760 }}
          data-testid="uncovered-table"
          columns={[
            { title: m.col.name, key: 'name', width: 240, render: (_, u) => <Link to={`/enterprises/${u.id}`}>{u.name}</Link> },
            { title: m.col.area, key: 'area', width: 200, render: (_, u) => u.area.name },
            { title: m.col.employees, dataIndex: 'employeeCount', width: 90, align: 'right' },
            {
              title: m.col.instructor,
              key: 'instructor',
              width: 110,
              render: (_, u) => u.instructorName ?? <Typography.Text type="secondary">{m.noInstructor}</Typography.Text>,
            },
            { title: m.col.lastContact, key: 'last', width: 110, render: (_, u) => u.lastContactOn ?? m.none },
            {
              title: m.col.work,
              key: 'work',
              width: 90,
              render: (_, u) => (u.workCovered ? <Tag color="blue">{m.workYes}</Tag> : <Tag>{m.workNo}</Tag>),
            },
          ]}
        />
      </Card>
      <Card title={`${m.shouldForm}（${c.shouldFormBranch.length}）`} size="small">
        <Typography.Paragraph type="secondary">{m.shouldFormHelp(c.rules.ownBranchFromFullMembers)}</Typography.Paragraph>
        <Table
          rowKey="id"
          size="small"
          dataSource={c.shouldFormBranch}
          locale={{ emptyText: <Empty description={m.shouldFormEmpty} /> }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, simple: mobile }}
          scroll={{ x: 640 }}
          data-testid="should-form-table"
          columns={[
            { title: m.col.name, key: 'name', width: 240, render: (_, s) => <Link to={`/enterprises/${s.id}`}>{s.name}</Link> },
            { title: m.col.area, key: 'area', width: 200, render: (_, s) => s.area.name },
            { title: m.col.fullMembers, dataIndex: 'fullMembers', width: 90, align: 'right' },
            {
              title: m.col.coverage,
              key: 'coverage',
              width: 200,
              render: (_, s) => (
                <Tooltip title={s.coveringOrgName}>
                  <CoverageTag kind={s.coverageKind} />
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
