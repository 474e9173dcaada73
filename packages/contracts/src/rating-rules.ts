/**
 * Five-star rating (五星创评): the rubric engine, as plain data and pure functions shared with the browser.
 * DOMAIN.md: there is no national rubric, so a rubric is versioned data (dimensions → indicators with maximum
 * points, guidance, evidence required and deduction rules; bonus items; veto items 一票否决 that cap the
 * result; thresholds → stars; optional quotas per star level; a validity period). A round keeps the version
 * it opened with. The default template: 8 indicators, 110 points; ★★★★★ needs ≥ 90 AND an innovation project.
 */

export const STAR_LEVELS = [1, 2, 3, 4, 5] as const;
export type StarLevel = (typeof STAR_LEVELS)[number];
export const starText = (stars: number) => '★'.repeat(stars);
export const STAR_LABELS: Record<StarLevel, string> = {
  1: '一星级',
  2: '二星级',
  3: '三星级',
  4: '四星级',
  5: '五星级',
};

/** Facts the platform already knows about a branch, pulled from its data when it rates itself (never retyped). */
export const RATING_FACT_KEYS = [
  'membersFull',
  'membersProbationary',
  'meetingsOnTime',
  'meetingsMissing',
  'developmentActive',
  'duesArrearsMembers',
  'serviceRequests',
  'serviceRequestsClosed',
] as const;
export type RatingFactKey = (typeof RATING_FACT_KEYS)[number];
export const RATING_FACT_LABELS: Record<RatingFactKey, string> = {
  membersFull: '正式党员（人）',
  membersProbationary: '预备党员（人）',
  meetingsOnTime: '本年度按期召开的组织生活（期）',
  meetingsMissing: '本年度缺开的组织生活（期）',
  developmentActive: '在培养的发展对象（人）',
  duesArrearsMembers: '欠缴党费的党员（人）',
  serviceRequests: '本年度提出的服务诉求（件）',
  serviceRequestsClosed: '其中已办结（件）',
};
export type RatingFacts = Record<RatingFactKey, number>;

export interface RubricDeduction {
  key: string;
  text: string;
  points: number;
}
export interface RubricIndicator {
  key: string;
  name: string;
  maxPoints: number;
  guidance: string;
  evidenceRequired: boolean;
  deductions: RubricDeduction[];
  /** Facts shown beside the indicator, from the branch's data. */
  facts: RatingFactKey[];
}
export interface RubricDimension {
  key: string;
  name: string;
  indicators: RubricIndicator[];
}
export interface RubricBonusItem {
  key: string;
  name: string;
  maxPoints: number;
  guidance: string;
  evidenceRequired: boolean;
  /** Counts as the innovation project that five stars need. */
  innovation: boolean;
}
export interface RubricVeto {
  key: string;
  name: string;
  /** The highest star level a branch with this veto can get. */
  capStars: StarLevel;
}
export interface RubricThreshold {
  stars: StarLevel;
  minScore: number;
  requiresInnovation: boolean;
}
export interface RubricQuota {
  stars: StarLevel;
  /** At most this share (percent, rounded down) of a round's branches at this level. */
  maxPercent: number;
}
export interface RubricBody {
  name: string;
  dimensions: RubricDimension[];
  /** Bonus items (加分项目): each up to its own maximum, all together up to `bonusMax`. */
  bonusName: string;
  bonusMax: number;
  bonus: RubricBonusItem[];
  vetoes: RubricVeto[];
  /** Levels above one star; below every threshold is one star. */
  thresholds: RubricThreshold[];
  quotas: RubricQuota[];
  validityMonths: number;
}
export interface Rubric extends RubricBody {
  version: string;
}

const ind = (
  key: string,
  name: string,
  maxPoints: number,
  guidance: string,
  deductions: [string, number][],
  facts: RatingFactKey[] = [],
  evidenceRequired = true,
): RubricIndicator => ({
  key,
  name,
  maxPoints,
  guidance,
  evidenceRequired,
  deductions: deductions.map(([text, points], i) => ({ key: `${key}-d${i + 1}`, text, points })),
  facts,
});

/** The default template (DOMAIN.md "Five-star rating"): 7 scored indicators (100) + 加分项目 (10) = 110 points. */
export const DEFAULT_RUBRIC: Rubric = {
  version: 'default-2026',
  name: '非公企业党组织“五星创评”标准（默认模板）',
  dimensions: [
    {
      key: 'organisation',
      name: '组织建设',
      indicators: [
        ind(
          'leadership',
          '领导班子',
          15,
          '支部班子健全，书记由企业管理层或骨干党员担任，按期换届。',
          [
            ['未按期换届', 5],
            ['书记长期空缺', 10],
          ],
          ['membersFull', 'membersProbationary'],
        ),
        ind(
          'backbone',
          '骨干队伍',
          15,
          '党员在关键岗位发挥作用，有计划地培养发展对象。',
          [['全年未培养入党积极分子或发展对象', 5]],
          ['developmentActive'],
        ),
      ],
    },
    {
      key: 'foundation',
      name: '阵地与制度',
      indicators: [
        ind('venue', '活动阵地', 10, '有固定的党员活动场所，标识规范，设施齐全。', [['无固定活动场所', 5]], []),
        ind(
          'system',
          '工作制度',
          15,
          '严格落实“三会一课”、组织生活会、民主评议党员等制度，党费按时足额收缴。',
          [
            ['每缺开一期组织生活', 2],
            ['存在欠缴党费', 3],
          ],
          ['meetingsOnTime', 'meetingsMissing', 'duesArrearsMembers'],
        ),
        ind('support', '保障机制', 10, '企业为党组织活动提供经费、场地和时间保障。', [['无活动经费保障', 5]], [], false),
      ],
    },
    {
      key: 'effect',
      name: '作用发挥',
      indicators: [
        ind(
          'performance',
          '工作业绩',
          25,
          '党建与企业发展深度融合，服务诉求有回应，在行业内有示范带动作用。',
          [['服务诉求长期未办结', 3]],
          ['serviceRequests', 'serviceRequestsClosed'],
        ),
        ind('evaluation', '群众评价', 10, '职工群众对党组织的满意度测评结果。', [['满意度低于80%', 5]], [], true),
      ],
    },
  ],
  bonusName: '加分项目',
  bonusMax: 10,
  bonus: [
    {
      key: 'innovation',
      name: '党建创新项目',
      maxPoints: 5,
      guidance: '有经上级党组织认定的党建创新项目（五星级必备）。',
      evidenceRequired: true,
      innovation: true,
    },
    {
      key: 'honour',
      name: '市级以上表彰',
      maxPoints: 3,
      guidance: '党组织或党员获得市级以上表彰。',
      evidenceRequired: true,
      innovation: false,
    },
    {
      key: 'experience',
      name: '经验推广',
      maxPoints: 2,
      guidance: '工作经验被上级党组织推广或媒体报道。',
      evidenceRequired: true,
      innovation: false,
    },
  ],
  vetoes: [
    { key: 'safety', name: '发生重大安全生产事故', capStars: 1 },
    { key: 'credit', name: '企业被列入严重失信名单或有重大税务违法记录', capStars: 1 },
    { key: 'discipline', name: '党组织或班子成员受到党纪处分', capStars: 2 },
  ],
  thresholds: [
    { stars: 5, minScore: 90, requiresInnovation: true },
    { stars: 4, minScore: 80, requiresInnovation: false },
    { stars: 3, minScore: 70, requiresInnovation: false },
    { stars: 2, minScore: 60, requiresInnovation: false },
  ],
  quotas: [{ stars: 5, maxPercent: 20 }],
  validityMonths: 24,
};

/** The rubric's total points: the indicators' maxima plus the bonus cap (110 for the default template). */
export function rubricTotal(r: RubricBody): number {
  return r.dimensions.reduce((s, d) => s + d.indicators.reduce((t, i) => t + i.maxPoints, 0), 0) + r.bonusMax;
}

export function rubricIndicators(r: RubricBody): RubricIndicator[] {
  return r.dimensions.flatMap((d) => d.indicators);
}

export interface RatingScoreInput {
  /** Per indicator key: the points claimed (0..max) and the deduction rules applied. */
  indicators: Record<string, { score: number; deductions: string[] }>;
  /** Per bonus item key: the points claimed (0..item max). */
  bonus: Record<string, number>;
  /** Veto item keys that apply. */
  vetoes: string[];
}

export interface RatingResult {
  indicatorPoints: Record<string, number>;
  base: number;
  bonus: number;
  total: number;
  innovation: boolean;
  /** The level the score alone reaches. */
  scoreStars: StarLevel;
  /** After the vetoes' caps. */
  stars: StarLevel;
  cappedBy: string[];
}

export interface RatingIssue {
  field: string;
  message: string;
  /** range: a value outside the rubric; missing: an indicator not scored; evidence: required evidence absent. */
  rule: 'range' | 'missing' | 'evidence';
}

/** The points an indicator earns: the claim less its applied deductions, never below 0 or above its maximum. */
export function indicatorPoints(i: RubricIndicator, claim: { score: number; deductions: string[] }): number {
  const off = claim.deductions.reduce((s, k) => s + (i.deductions.find((d) => d.key === k)?.points ?? 0), 0);
  return Math.max(0, Math.min(i.maxPoints, claim.score) - off);
}

/** The star level a score reaches by the thresholds alone (highest first; none met → one star). */
export function starsForScore(r: RubricBody, total: number, innovation: boolean): StarLevel {
  const sorted = [...r.thresholds].sort((a, b) => b.minScore - a.minScore || b.stars - a.stars);
  for (const t of sorted) if (total >= t.minScore && (!t.requiresInnovation || innovation)) return t.stars;
  return 1;
}

/** Scores a rating: indicators, bonus (each item and all together capped), thresholds, then vetoes cap. */
export function scoreRating(r: RubricBody, input: RatingScoreInput): RatingResult {
  const points: Record<string, number> = {};
  let base = 0;
  for (const i of rubricIndicators(r)) {
    const p = indicatorPoints(i, input.indicators[i.key] ?? { score: 0, deductions: [] });
    points[i.key] = p;
    base += p;
  }
  let bonusSum = 0;
  let innovation = false;
  for (const b of r.bonus) {
    const p = Math.max(0, Math.min(b.maxPoints, input.bonus[b.key] ?? 0));
    bonusSum += p;
    if (b.innovation && p > 0) innovation = true;
  }
  const bonus = Math.min(r.bonusMax, bonusSum);
  const total = base + bonus;
  const scoreStars = starsForScore(r, total, innovation);
  const applied = r.vetoes.filter((v) => input.vetoes.includes(v.key));
  const cap = applied.reduce((c, v) => Math.min(c, v.capStars), 5);
  return {
    indicatorPoints: points,
    base,
    bonus,
    total,
    innovation,
    scoreStars,
    stars: Math.min(scoreStars, cap) as StarLevel,
    cappedBy: applied.filter((v) => v.capStars < scoreStars).map((v) => v.name),
  };
}

/**
 * What is wrong with a rating's scores against its rubric: a score outside an indicator's range (or not a whole
 * number), an unknown deduction, bonus or veto, and missing evidence where the rubric asks for it (`evidence`
 * counts the files attached per indicator or bonus key). Each message names the rule.
 */
export function scoreIssues(r: RubricBody, input: RatingScoreInput, evidence: Record<string, number>): RatingIssue[] {
  const issues: RatingIssue[] = [];
  for (const i of rubricIndicators(r)) {
    const claim = input.indicators[i.key];
    const field = `indicators.${i.key}`;
    if (!claim) {
      issues.push({ field, message: `请为「${i.name}」打分（0–${i.maxPoints}分）`, rule: 'missing' });
      continue;
    }
    if (!Number.isInteger(claim.score) || claim.score < 0 || claim.score > i.maxPoints)
      issues.push({ field, message: `「${i.name}」的得分应为0–${i.maxPoints}之间的整数`, rule: 'range' });
    for (const k of claim.deductions)
      if (!i.deductions.some((d) => d.key === k)) issues.push({ field, message: `「${i.name}」没有这项扣分规则`, rule: 'range' });
    if (i.evidenceRequired && claim.score > 0 && !(evidence[i.key] ?? 0))
      issues.push({ field, message: `「${i.name}」须上传佐证材料`, rule: 'evidence' });
  }
  for (const k of Object.keys(input.indicators))
    if (!rubricIndicators(r).some((i) => i.key === k))
      issues.push({ field: 'indicators', message: '评分中有本标准没有的指标', rule: 'range' });
  for (const [k, p] of Object.entries(input.bonus)) {
    const b = r.bonus.find((x) => x.key === k);
    const field = `bonus.${k}`;
    if (!b) {
      issues.push({ field: 'bonus', message: `${r.bonusName}中没有这一项`, rule: 'range' });
      continue;
    }
    if (!Number.isInteger(p) || p < 0 || p > b.maxPoints)
      issues.push({ field, message: `「${b.name}」的加分应为0–${b.maxPoints}之间的整数`, rule: 'range' });
    if (b.evidenceRequired && p > 0 && !(evidence[k] ?? 0))
      issues.push({ field, message: `「${b.name}」须上传佐证材料`, rule: 'evidence' });
  }
  for (const k of input.vetoes)
    if (!r.vetoes.some((v) => v.key === k)) issues.push({ field: 'vetoes', message: '一票否决事项中没有这一项', rule: 'range' });
  return issues;
}

/** How many of a round's `participants` branches may be at `stars` (null: no quota for that level). */
export function quotaFor(r: RubricBody, stars: StarLevel, participants: number): number | null {
  const q = r.quotas.find((x) => x.stars === stars);
  return q ? Math.floor((participants * q.maxPercent) / 100) : null;
}

/**
 * The quota as a check: null when one more branch at `stars` fits (`already` are at that level in the round),
 * else the Chinese message naming the quota.
 */
export function quotaIssue(r: RubricBody, stars: StarLevel, already: number, participants: number): string | null {
  const max = quotaFor(r, stars, participants);
  if (max === null || already + 1 <= max) return null;
  const pct = r.quotas.find((x) => x.stars === stars)!.maxPercent;
  return `${STAR_LABELS[stars]}名额已满：不超过参评支部的${pct}%，本轮${participants}个支部参评，最多${max}个`;
}

/** The rubric itself as a check (the editor's rules): keys unique, points whole and positive, thresholds ordered. */
export function rubricIssues(r: RubricBody): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  const keys = new Set<string>();
  const key = (k: string, field: string) => {
    if (keys.has(k)) issues.push({ field, message: `编码「${k}」重复` });
    keys.add(k);
  };
  if (!r.dimensions.length) issues.push({ field: 'dimensions', message: '至少需要一个维度' });
  for (const [di, d] of r.dimensions.entries()) {
    key(d.key, `dimensions.${di}.key`);
    if (!d.indicators.length) issues.push({ field: `dimensions.${di}`, message: `维度「${d.name}」至少需要一个指标` });
    for (const [ii, i] of d.indicators.entries()) {
      const f = `dimensions.${di}.indicators.${ii}`;
      key(i.key, `${f}.key`);
      if (!Number.isInteger(i.maxPoints) || i.maxPoints < 1)
        issues.push({ field: `${f}.maxPoints`, message: `指标「${i.name}」的分值应为正整数` });
      for (const d2 of i.deductions) {
        key(d2.key, `${f}.deductions`);
        if (!Number.isInteger(d2.points) || d2.points < 1 || d2.points > i.maxPoints)
          issues.push({ field: `${f}.deductions`, message: `「${i.name}」的扣分应为1–${i.maxPoints}之间的整数` });
      }
    }
  }
  for (const [bi, b] of r.bonus.entries()) {
    key(b.key, `bonus.${bi}.key`);
    if (!Number.isInteger(b.maxPoints) || b.maxPoints < 1 || b.maxPoints > r.bonusMax)
      issues.push({ field: `bonus.${bi}.maxPoints`, message: `「${b.name}」的分值应为1–${r.bonusMax}之间的整数` });
  }
  for (const [vi, v] of r.vetoes.entries()) key(v.key, `vetoes.${vi}.key`);
  const t = [...r.thresholds].sort((a, b) => b.stars - a.stars);
  if (new Set(t.map((x) => x.stars)).size !== t.length) issues.push({ field: 'thresholds', message: '每个星级只能有一个分数线' });
  for (let i = 1; i < t.length; i++)
    if (t[i]!.minScore >= t[i - 1]!.minScore)
      issues.push({ field: 'thresholds', message: `${STAR_LABELS[t[i - 1]!.stars]}的分数线应高于${STAR_LABELS[t[i]!.stars]}` });
  if (t.some((x) => x.stars === 1)) issues.push({ field: 'thresholds', message: '一星级不设分数线（未达任何分数线即为一星级）' });
  const total = rubricTotal(r);
  for (const x of t)
    if (x.minScore < 0 || x.minScore > total)
      issues.push({ field: 'thresholds', message: `${STAR_LABELS[x.stars]}的分数线应在0–${total}分之间` });
  if (t.some((x) => x.requiresInnovation) && !r.bonus.some((b) => b.innovation))
    issues.push({ field: 'bonus', message: '有星级要求创新项目，加分项目中须有一项“创新项目”' });
  for (const q of r.quotas)
    if (q.maxPercent < 1 || q.maxPercent > 100)
      issues.push({ field: 'quotas', message: `${STAR_LABELS[q.stars]}的名额比例应在1%–100%之间` });
  if (r.validityMonths < 12 || r.validityMonths > 24)
    issues.push({ field: 'validityMonths', message: '星级有效期应为12–24个月（1–2年）' });
  return issues;
}

/** The last day a published star level is valid: the day before the same date `months` later. */
export function starValidUntil(publishedOn: string, months: number): string {
  const [y, m, d] = publishedOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export const RATING_ROUND_STATUSES = ['open', 'notice', 'published'] as const;
export type RatingRoundStatus = (typeof RATING_ROUND_STATUSES)[number];
export const RATING_ROUND_STATUS_LABELS: Record<RatingRoundStatus, string> = {
  open: '评定中',
  notice: '公示中',
  published: '已发布',
};
export const RATING_STATUSES = ['draft', 'submitted', 'reviewed', 'approved', 'published'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];
export const RATING_STATUS_LABELS: Record<RatingStatus, string> = {
  draft: '待自评',
  submitted: '已自评',
  reviewed: '已审核',
  approved: '已审定',
  published: '已发布',
};
/** 公示 lasts this many calendar days (configurable default). */
export const RATING_NOTICE_DAYS = 7;

export const SHOWCASE_KINDS = ['showcase', 'incubation'] as const;
export type ShowcaseKind = (typeof SHOWCASE_KINDS)[number];
export const SHOWCASE_KIND_LABELS: Record<ShowcaseKind, string> = { showcase: '示范点', incubation: '孵化培育' };
export const SHOWCASE_STATUSES = ['active', 'achieved', 'ended'] as const;
export type ShowcaseStatus = (typeof SHOWCASE_STATUSES)[number];
export const SHOWCASE_STATUS_LABELS: Record<ShowcaseStatus, string> = {
  active: '培育中',
  achieved: '已达标',
  ended: '已结束',
};
