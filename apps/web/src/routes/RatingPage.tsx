import type { AttachmentInfo, RatingDetail, RatingScores } from '@tongxin/contracts';
import { RATING_STATUS_LABELS, STAR_LABELS, type StarLevel, scoreRating } from '@tongxin/contracts/labels';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ratingApi, useInvalidateRatings, useRating } from '../features/ratings/api';
import { ScoreTable } from '../features/ratings/ScoreTable';
import { Stars } from '../features/ratings/Stars';
import { isApiError } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const empty: RatingScores = { indicators: {}, bonus: {}, vetoes: [] };

/** One branch's rating: the self-rating form, or the reviewer's side-by-side view with evidence; approval; objections. */
export default function RatingPage() {
  const { id = '' } = useParams();
  const rating = useRating(id);
  if (rating.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (rating.error) {
    const missing = isApiError(rating.error) && rating.error.status === 404;
    return (
      <Card>
        <Result status={missing ? '404' : 'error'} title={missing ? '评定不存在或您无权查看' : rating.error.message} />
      </Card>
    );
  }
  return <RatingView key={rating.data.version} d={rating.data} />;
}

function RatingView({ d }: { d: RatingDetail }) {
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const invalidate = useInvalidateRatings();
  const [scores, setScores] = useState<RatingScores>(d.selfScores ?? empty);
  const [evidence, setEvidence] = useState<Record<string, AttachmentInfo[]>>(d.evidence);
  const [summary, setSummary] = useState(d.summary ?? '');
  const [review, setReview] = useState<RatingScores>(d.reviewScores ?? d.selfScores ?? empty);
  const [reasons, setReasons] = useState<Record<string, string>>(d.reviewReasons ?? {});
  const [opinion, setOpinion] = useState(d.reviewOpinion ?? '');
  const [stars, setStars] = useState<number | undefined>(d.reviewStars ?? undefined);
  const [objection, setObjection] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rubric = { ...d.rubric, version: '' } as Parameters<typeof scoreRating>[0];
  const editing = d.abilities.selfRate ? scores : d.abilities.review ? review : (d.reviewScores ?? d.selfScores);
  const live = editing ? scoreRating(rubric, editing) : null;
  const run = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      void message.success(done);
      await invalidate();
    } catch (e) {
      setError(e instanceof Error ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };
  const saveSelf = (submit: boolean) =>
    run(
      () =>
        ratingApi.selfRate(d.id, {
          scores,
          evidence: Object.fromEntries(Object.entries(evidence).map(([k, files]) => [k, files.map((f) => f.id)])),
          summary,
          submit,
          version: d.version,
        }),
      submit ? '自评已提交' : '已保存',
    );
  const setVeto = (s: RatingScores, key: string, on: boolean) => ({
    ...s,
    vetoes: on ? [...s.vetoes, key] : s.vetoes.filter((v) => v !== key),
  });

  return (
    <Card>
      <PageHeader title={d.orgName}>
        <Space wrap>
          <Tag data-testid="rating-status">{RATING_STATUS_LABELS[d.status]}</Tag>
          <Link to={`/ratings/rounds/${d.roundId}`}>{d.roundTitle}</Link>
        </Space>
      </PageHeader>
      {live && (
        <Flex gap={16} wrap align="center" style={{ marginBottom: 12 }} data-testid="rating-total">
          <Typography.Text strong style={{ fontSize: 18 }}>
            {live.total}分
          </Typography.Text>
          <Stars stars={d.finalStars ?? live.stars} />
          <span>{STAR_LABELS[(d.finalStars ?? live.stars) as StarLevel]}</span>
          {live.total >= 90 && !live.innovation && <Tag color="orange">五星级须有党建创新项目</Tag>}
          {live.cappedBy.map((c) => (
            <Tag key={c} color="red">
              一票否决：{c}
            </Tag>
          ))}
        </Flex>
      )}
      {d.abilities.selfRate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`自评时间：${d.selfFrom} 至 ${d.selfUntil}。灰色小字的数据取自平台台账，无需重复填写。`}
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="rating-error" />}
      <ScoreTable
        detail={d}
        {...(d.abilities.selfRate
          ? {
              self: {
                scores,
                evidence,
                onChange: (s: RatingScores, e: Record<string, AttachmentInfo[]>) => {
                  setScores(s);
                  setEvidence(e);
                },
              },
            }
          : {})}
        {...(d.abilities.review
          ? {
              review: {
                scores: review,
                reasons,
                onChange: (s: RatingScores, r: Record<string, string>) => {
                  setReview(s);
                  setReasons(r);
                },
              },
            }
          : {})}
      />
      <Card size="small" title="一票否决事项" style={{ marginTop: 12 }}>
        {d.rubric.vetoes.map((v) => {
          const cur = d.abilities.selfRate ? scores : d.abilities.review ? review : (d.reviewScores ?? d.selfScores ?? empty);
          return (
            <div key={v.key}>
              <Checkbox
                checked={cur.vetoes.includes(v.key)}
                disabled={!d.abilities.selfRate && !d.abilities.review}
                onChange={(e) =>
                  d.abilities.selfRate
                    ? setScores(setVeto(scores, v.key, e.target.checked))
                    : setReview(setVeto(review, v.key, e.target.checked))
                }
              >
                {v.name}（最高{STAR_LABELS[v.capStars as StarLevel]}）
              </Checkbox>
            </div>
          );
        })}
      </Card>
      {d.abilities.selfRate ? (
        <div style={{ marginTop: 12 }}>
          <Input.TextArea
            rows={3}
            placeholder="自评说明（选填）"
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            maxLength={2000}
          />
          <Space style={{ marginTop: 12 }} wrap>
            <Button loading={busy} onClick={() => saveSelf(false)} data-testid="self-save">
              保存
            </Button>
            <Button type="primary" loading={busy} onClick={() => saveSelf(true)} data-testid="self-submit">
              提交自评
            </Button>
          </Space>
        </div>
      ) : (
        <Descriptions size="small" column={mobile ? 1 : 2} style={{ marginTop: 12 }}>
          <Descriptions.Item label="自评说明">{d.summary ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="提交">
            {d.submittedAt ? `${d.submittedByName ?? ''} ${formatDateTime(d.submittedAt)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="审核意见">{d.reviewOpinion ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="审核">
            {d.reviewedAt ? `${d.reviewedByName ?? ''} ${formatDateTime(d.reviewedAt)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="审定">
            {d.approvedAt ? `${d.approvedByName ?? ''} ${formatDateTime(d.approvedAt)} ${d.approveOpinion ?? ''}` : '—'}
          </Descriptions.Item>
        </Descriptions>
      )}
      {d.abilities.review && (
        <Card size="small" title="审核" style={{ marginTop: 12 }}>
          <Input.TextArea
            rows={2}
            placeholder="审核意见"
            value={opinion}
            onChange={(e) => setOpinion(e.target.value)}
            data-testid="review-opinion"
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={busy}
            data-testid="review-submit"
            onClick={() =>
              run(() => ratingApi.review(d.id, { scores: review, reasons, opinion, version: d.version }), '审核已提交')
            }
          >
            提交审核
          </Button>
        </Card>
      )}
      {d.abilities.approve && (
        <Card size="small" title="审定" style={{ marginTop: 12 }}>
          <Space wrap>
            <Select
              value={stars}
              onChange={setStars}
              style={{ width: 160 }}
              data-testid="approve-stars"
              options={[5, 4, 3, 2, 1]
                .filter((s) => s <= (d.reviewStars ?? 5))
                .map((s) => ({ value: s, label: STAR_LABELS[s as StarLevel] }))}
            />
            <Button
              type="primary"
              loading={busy}
              data-testid="approve-submit"
              onClick={() => stars && run(() => ratingApi.approve(d.id, { stars, version: d.version }), '已审定')}
            >
              审定
            </Button>
          </Space>
        </Card>
      )}
      {(d.objections.length > 0 || d.objectionAbilities.raise) && (
        <Card size="small" title="公示异议" style={{ marginTop: 12 }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.objections}
            locale={{ emptyText: '暂无异议' }}
            columns={[
              { title: '异议', key: 't', render: (_, o) => o.text },
              { title: '提出', key: 'by', render: (_, o) => `${o.raisedByName ?? ''} ${formatDateTime(o.raisedAt)}` },
              {
                title: '处理',
                key: 'r',
                render: (_, o) =>
                  o.resolvedAt ? (
                    `${o.upheld ? '成立' : '不成立'}：${o.resolution}`
                  ) : d.objectionAbilities.resolve ? (
                    <Button
                      size="small"
                      onClick={() => run(() => ratingApi.resolve(d.id, o.id, { resolution: '经核实，异议不成立' }), '已处理')}
                    >
                      异议不成立
                    </Button>
                  ) : (
                    '待处理'
                  ),
              },
            ]}
          />
          {d.objectionAbilities.raise && (
            <Space.Compact style={{ width: '100%', marginTop: 8 }}>
              <Input
                placeholder="对评定结果的异议（至少5个字）"
                value={objection}
                onChange={(e) => setObjection(e.target.value)}
              />
              <Button onClick={() => run(() => ratingApi.object(d.id, objection), '异议已提交')}>提出异议</Button>
            </Space.Compact>
          )}
        </Card>
      )}
    </Card>
  );
}
