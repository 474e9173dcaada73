import { PlusOutlined } from '@ant-design/icons';
import type { RoundSummary, RubricSummary } from '@tongxin/contracts';
import { RATING_ROUND_STATUS_LABELS } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useMe } from '../features/auth/api';
import { useRounds, useRubrics } from '../features/ratings/api';
import { OpenRoundDrawer } from '../features/ratings/OpenRoundDrawer';
import { ShowcasesTab } from '../features/ratings/ShowcasesTab';
import { StarMapTab } from '../features/ratings/StarMapTab';
import { formatDate } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const STATUS_COLOR = { open: 'processing', notice: 'warning', published: 'success' } as const;

/** 五星创评: rounds, the star map of the user's subtree, showcases and incubation, and the rubric versions. */
export default function RatingsPage() {
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const rounds = useRounds();
  const rubrics = useRubrics();
  const [opening, setOpening] = useState(false);
  const tab = params.get('tab') ?? 'rounds';
  // The widest grant's org: a committee admin's committee, a secretary's branch.
  const orgId =
    me?.grants.find((g) => g.orgId && g.role === 'committee_admin')?.orgId ?? me?.grants.find((g) => g.orgId)?.orgId ?? null;

  const roundsTab = (
    <>
      {rounds.error && <Alert type="error" showIcon title={rounds.error.message} style={{ marginBottom: 12 }} />}
      <Table<RoundSummary>
        rowKey="id"
        loading={rounds.isFetching}
        dataSource={rounds.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '名称',
            key: 'title',
            render: (_, r) => (
              <>
                <Link to={`/ratings/rounds/${r.id}`} data-testid="round-link">
                  {r.title}
                </Link>
                {mobile && (
                  <div>
                    <Tag color={STATUS_COLOR[r.status]}>{RATING_ROUND_STATUS_LABELS[r.status]}</Tag>
                  </div>
                )}
              </>
            ),
          },
          ...(mobile
            ? []
            : [
                {
                  title: '状态',
                  key: 'status',
                  render: (_: unknown, r: RoundSummary) => (
                    <Tag color={STATUS_COLOR[r.status]}>{RATING_ROUND_STATUS_LABELS[r.status]}</Tag>
                  ),
                },
              ]),
          ...(mobile
            ? []
            : [
                { title: '开展单位', key: 'org', render: (_: unknown, r: RoundSummary) => r.orgName },
                {
                  title: '自评时间',
                  key: 'window',
                  render: (_: unknown, r: RoundSummary) => `${formatDate(r.selfFrom)} 至 ${formatDate(r.selfUntil)}`,
                },
              ]),
          {
            title: '进度',
            key: 'counts',
            responsive: ['md'],
            render: (_, r) =>
              `已自评 ${r.counts.submitted + r.counts.reviewed + r.counts.approved + r.counts.published} · 已审定 ${r.counts.approved + r.counts.published}`,
          },
        ]}
      />
    </>
  );
  const rubricsTab = (
    <Table<RubricSummary>
      rowKey="version"
      dataSource={rubrics.data?.items ?? []}
      pagination={false}
      columns={[
        { title: '标准', key: 'name', render: (_, r) => <Link to={`/ratings/rubrics/${r.version}`}>{r.name}</Link> },
        { title: '总分', key: 'total', render: (_, r) => `${r.totalPoints}分` },
        { title: '版本', key: 'v', render: (_, r) => (r.builtIn ? <Tag>默认模板</Tag> : r.version) },
        ...(mobile ? [] : [{ title: '保存人', key: 'by', render: (_: unknown, r: RubricSummary) => r.createdByName ?? '—' }]),
      ]}
    />
  );

  return (
    <Card>
      <PageHeader title="五星创评">
        {rounds.data?.abilities.open && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="round-open">
            开展五星创评
          </Button>
        )}
      </PageHeader>
      <Typography.Paragraph type="secondary">
        支部对照评定标准自评并上传佐证材料，上级党委审核、市级审定，公示无异议后发布星级。星级有效期内在组织页面展示。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'rounds' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'rounds', label: '评定轮次', children: roundsTab },
          { key: 'map', label: '星级分布', children: <StarMapTab orgId={orgId} /> },
          { key: 'showcases', label: '示范点与孵化', children: <ShowcasesTab orgId={orgId} /> },
          { key: 'rubrics', label: '评定标准', children: rubricsTab },
        ]}
        destroyOnHidden
      />
      {opening && <OpenRoundDrawer onClose={() => setOpening(false)} onOpened={(id) => navigate(`/ratings/rounds/${id}`)} />}
    </Card>
  );
}
