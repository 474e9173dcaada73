import type { AttachmentInfo, RatingDetail, RatingScores } from '@tongxin/contracts';
import { RATING_FACT_LABELS, type RatingFactKey } from '@tongxin/contracts/labels';
import { Checkbox, Input, InputNumber, Table, Typography } from 'antd';
import { AttachmentUpload, attachmentHref } from '../../components/AttachmentUpload';
import { useIsMobile } from '../../lib/useIsMobile';

export interface Row {
  key: string;
  dimension: string;
  name: string;
  max: number;
  guidance: string;
  evidenceRequired: boolean;
  deductions: { key: string; text: string; points: number }[];
  facts: RatingFactKey[];
  bonus: boolean;
}

export function rowsOf(rubric: RatingDetail['rubric']): Row[] {
  return [
    ...rubric.dimensions.flatMap((d) =>
      d.indicators.map((i) => ({
        key: i.key,
        dimension: d.name,
        name: i.name,
        max: i.maxPoints,
        guidance: i.guidance,
        evidenceRequired: i.evidenceRequired,
        deductions: i.deductions,
        facts: i.facts,
        bonus: false,
      })),
    ),
    ...rubric.bonus.map((b) => ({
      key: b.key,
      dimension: `${rubric.bonusName}（合计不超过${rubric.bonusMax}分）`,
      name: b.name,
      max: b.maxPoints,
      guidance: b.guidance,
      evidenceRequired: b.evidenceRequired,
      deductions: [],
      facts: [],
      bonus: true,
    })),
  ];
}

export const pointsOf = (s: RatingScores | null, r: Row) =>
  s ? (r.bonus ? (s.bonus[r.key] ?? 0) : (s.indicators[r.key]?.score ?? null)) : null;

interface Props {
  detail: RatingDetail;
  /** Self-rating: the branch's scores, deductions and evidence are editable. */
  self?: {
    scores: RatingScores;
    evidence: Record<string, AttachmentInfo[]>;
    onChange: (s: RatingScores, e: Record<string, AttachmentInfo[]>) => void;
  };
  /** Review: the reviewer's scores and reasons are editable beside the self-rating. */
  review?: {
    scores: RatingScores;
    reasons: Record<string, string>;
    onChange: (s: RatingScores, r: Record<string, string>) => void;
  };
}

/** The rubric as a table: each indicator with its guidance and facts, the self-rating with evidence, and the review. */
export function ScoreTable({ detail, self, review }: Props) {
  const mobile = useIsMobile();
  const rows = rowsOf(detail.rubric);
  const setPoints = (s: RatingScores, r: Row, v: number): RatingScores =>
    r.bonus
      ? { ...s, bonus: { ...s.bonus, [r.key]: v } }
      : { ...s, indicators: { ...s.indicators, [r.key]: { score: v, deductions: s.indicators[r.key]?.deductions ?? [] } } };
  const shownReview = review?.scores ?? detail.reviewScores;
  const evidenceCell = (r: Row) =>
    self ? (
      <AttachmentUpload
        use="rating"
        orgId={detail.orgId}
        accept="image/*,.pdf,.docx,.xlsx"
        maxMb={20}
        max={10}
        value={self.evidence[r.key] ?? []}
        onChange={(files) => self.onChange(self.scores, { ...self.evidence, [r.key]: files })}
        testId={`evidence-${r.key}`}
      />
    ) : (
      <div style={{ display: 'grid' }}>
        {(detail.evidence[r.key] ?? []).map((f) => (
          <a key={f.id} href={attachmentHref(f.id)} target="_blank" rel="noreferrer">
            {f.fileName}
          </a>
        ))}
        {!(detail.evidence[r.key] ?? []).length && (
          <Typography.Text type="secondary">{r.evidenceRequired ? '须上传' : '—'}</Typography.Text>
        )}
      </div>
    );
  const reasonCell = (r: Row) =>
    review ? (
      pointsOf(review.scores, r) !== pointsOf(detail.selfScores, r) ? (
        <Input
          placeholder="请填写调整理由"
          value={review.reasons[r.key] ?? ''}
          onChange={(e) => review.onChange(review.scores, { ...review.reasons, [r.key]: e.target.value })}
          data-testid={`reason-${r.key}`}
        />
      ) : null
    ) : (
      (detail.reviewReasons?.[r.key] ?? '')
    );
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: '指标',
          key: 'name',
          width: mobile ? 200 : 320,
          onCell: () => ({ style: { minWidth: mobile ? 170 : 260, maxWidth: 360, whiteSpace: 'normal' } }),
          render: (_, r) => (
            <div data-testid={`row-${r.key}`}>
              <Typography.Text strong>{r.name}</Typography.Text>
              {mobile && <Typography.Text type="secondary">（满分{r.max}）</Typography.Text>}
              <Typography.Text type="secondary"> · {r.dimension}</Typography.Text>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{r.guidance}</div>
              {r.facts.map((f) => (
                <div key={f} style={{ fontSize: 12 }}>
                  {RATING_FACT_LABELS[f]}：<b>{detail.facts[f] ?? '—'}</b>
                </div>
              ))}
              {self &&
                r.deductions.map((d) => (
                  <Checkbox
                    key={d.key}
                    style={{ fontSize: 12 }}
                    checked={self.scores.indicators[r.key]?.deductions.includes(d.key) ?? false}
                    onChange={(e) => {
                      const cur = self.scores.indicators[r.key] ?? { score: 0, deductions: [] };
                      const deductions = e.target.checked
                        ? [...cur.deductions, d.key]
                        : cur.deductions.filter((k) => k !== d.key);
                      self.onChange(
                        { ...self.scores, indicators: { ...self.scores.indicators, [r.key]: { ...cur, deductions } } },
                        self.evidence,
                      );
                    }}
                  >
                    {d.text}（扣{d.points}分）
                  </Checkbox>
                ))}
              {mobile && <div style={{ marginTop: 4 }}>{evidenceCell(r)}</div>}
              {mobile && !self && <div style={{ marginTop: 4 }}>{reasonCell(r)}</div>}
            </div>
          ),
        },
        ...(mobile ? [] : [{ title: '满分', key: 'max', width: 60, render: (_: unknown, r: Row) => r.max }]),
        {
          title: '自评',
          key: 'self',
          width: 90,
          render: (_, r) =>
            self ? (
              <InputNumber
                min={0}
                max={r.max}
                precision={0}
                value={pointsOf(self.scores, r)}
                onChange={(v) => self.onChange(setPoints(self.scores, r, v ?? 0), self.evidence)}
                style={{ width: 72 }}
                aria-label={`${r.name}自评得分`}
                data-testid={`self-${r.key}`}
              />
            ) : (
              (pointsOf(detail.selfScores, r) ?? '—')
            ),
        },
        ...(mobile ? [] : [{ title: '佐证材料', key: 'evidence', width: 200, render: (_: unknown, r: Row) => evidenceCell(r) }]),
        ...(self
          ? []
          : [
              {
                title: '审核',
                key: 'review',
                width: 90,
                render: (_: unknown, r: Row) =>
                  review ? (
                    <InputNumber
                      min={0}
                      max={r.max}
                      precision={0}
                      value={pointsOf(review.scores, r)}
                      onChange={(v) => review.onChange(setPoints(review.scores, r, v ?? 0), review.reasons)}
                      style={{ width: 72 }}
                      aria-label={`${r.name}审核得分`}
                      data-testid={`review-${r.key}`}
                    />
                  ) : (
                    (pointsOf(shownReview, r) ?? '—')
                  ),
              },
              ...(mobile
                ? []
                : [{ title: '调整理由', key: 'reason', width: 200, render: (_: unknown, r: Row) => reasonCell(r) }]),
            ]),
      ]}
    />
  );
}
