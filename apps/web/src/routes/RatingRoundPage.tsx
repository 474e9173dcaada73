import type { RatingStatus, RatingSummary } from '@tongxin/contracts';
import { RATING_ROUND_STATUS_LABELS, RATING_STATUS_LABELS, STAR_LABELS, type StarLevel } from '@tongxin/contracts/labels';
import { Alert, App, Button, Card, Descriptions, Result, Segmented, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ratingApi, useInvalidateRatings, useRound } from '../features/ratings/api';
import { Stars } from '../features/ratings/Stars';
import { isApiError } from '../lib/api';
import { formatDate } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const STATUS_COLOR: Record<RatingStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  approved: 'success',
  published: 'gold',
};
const FILTERS = ['all', 'draft', 'submitted', 'reviewed', 'approved', 'published'] as const;

/** The round board: each branch's rating by step (submitted, reviewed, approved), quotas, 公示 and publishing. */
export default function RatingRoundPage() {
  const { id = '' } = useParams();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const round = useRound(id);
  const invalidate = useInvalidateRatings();
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [busy, setBusy] = useState(false);
  if (round.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (round.error) {
    const missing = isApiError(round.error) && round.error.status === 404;
    return (
      <Card>
        <Result status={missing ? '404' : 'error'} title={missing ? '评定不存在或您无权查看' : round.error.message} />
      </Card>
    );
  }
  const r = round.data;
  const act = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      void message.success(done);
      await invalidate();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };
  const rows = r.ratings.filter((x) => filter === 'all' || x.status === filter);
  // A branch that never rated itself is 未参评 once the round has moved on.
  const statusTag = (x: RatingSummary) => (
    <Tag color={STATUS_COLOR[x.status]}>
      {x.status === 'draft' && r.status !== 'open' ? '未参评' : RATING_STATUS_LABELS[x.status]}
    </Tag>
  );
  const action = (x: RatingSummary) =>
    x.abilities.selfRate ? '自评' : x.abilities.review ? '审核' : x.abilities.approve ? '审定' : '查看';
  return (
    <Card>
      <PageHeader title={r.title}>
        <Space wrap>
          {r.abilities.startNotice && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => act(() => ratingApi.startNotice(id), '已开始公示')}
              data-testid="round-notice"
            >
              公示评定结果
            </Button>
          )}
          {r.abilities.publish && (
            <Button
              type="primary"
              loading={busy}
              onClick={() => act(() => ratingApi.publish(id), '星级已发布')}
              data-testid="round-publish"
            >
              发布星级
            </Button>
          )}
        </Space>
      </PageHeader>
      <Descriptions size="small" column={mobile ? 1 : 3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          <Tag data-testid="round-status">{RATING_ROUND_STATUS_LABELS[r.status]}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label="开展单位">{r.orgName}</Descriptions.Item>
        <Descriptions.Item label="评定标准">{r.rubricName}</Descriptions.Item>
        <Descriptions.Item label="自评时间">
          {formatDate(r.selfFrom)} 至 {formatDate(r.selfUntil)}
        </Descriptions.Item>
        {r.noticeFrom && (
          <Descriptions.Item label="公示期">
            {formatDate(r.noticeFrom)} 至 {formatDate(r.noticeUntil)}
          </Descriptions.Item>
        )}
        {r.quotas.map((q) => (
          <Descriptions.Item key={q.stars} label={`${STAR_LABELS[q.stars as StarLevel]}名额`}>
            已用 {q.used} / {q.max}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {r.status === 'notice' && !r.abilities.publish && (
        <Alert type="info" showIcon title="公示期满且异议处理完毕后，可发布星级。" style={{ marginBottom: 12 }} />
      )}
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={FILTERS.map((f) => ({
          value: f,
          label:
            f === 'all'
              ? `全部 ${r.ratings.length}`
              : `${RATING_STATUS_LABELS[f]} ${r.ratings.filter((x) => x.status === f).length}`,
        }))}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      />
      <Table<RatingSummary>
        rowKey="id"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '党支部',
            key: 'org',
            render: (_, x) => (
              <>
                <Link to={`/ratings/${x.id}`} data-testid="rating-link">
                  {x.orgName}
                </Link>
                {mobile && (
                  <div>
                    {statusTag(x)}
                    <Stars stars={x.finalStars ?? x.reviewStars ?? x.selfStars} small />
                  </div>
                )}
              </>
            ),
          },
          ...(mobile
            ? []
            : [
                { title: '上级党组织', key: 'parent', render: (_: unknown, x: RatingSummary) => x.parentName ?? '—' },
                { title: '状态', key: 'status', render: (_: unknown, x: RatingSummary) => statusTag(x) },
                {
                  title: '自评',
                  key: 'self',
                  render: (_: unknown, x: RatingSummary) => (x.selfTotal === null ? '—' : `${x.selfTotal}分`),
                },
                {
                  title: '审核',
                  key: 'review',
                  render: (_: unknown, x: RatingSummary) => (x.reviewTotal === null ? '—' : `${x.reviewTotal}分`),
                },
                {
                  title: '星级',
                  key: 'stars',
                  render: (_: unknown, x: RatingSummary) => <Stars stars={x.finalStars ?? x.reviewStars ?? x.selfStars} small />,
                },
              ]),
          {
            title: '',
            key: 'act',
            render: (_, x) => (
              <Link to={`/ratings/${x.id}`}>
                {action(x)}
                {x.openObjections > 0 ? `（异议${x.openObjections}）` : ''}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
