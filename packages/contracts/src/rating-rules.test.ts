import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC,
  quotaFor,
  quotaIssue,
  type RatingScoreInput,
  rubricIndicators,
  rubricIssues,
  rubricTotal,
  scoreIssues,
  scoreRating,
  starsForScore,
  starValidUntil,
} from './rating-rules.js';

const R = DEFAULT_RUBRIC;

/** Claims that add up to `base` points over the indicators (full marks first), no deductions. */
function claims(base: number): RatingScoreInput['indicators'] {
  const out: RatingScoreInput['indicators'] = {};
  let left = base;
  for (const i of rubricIndicators(R)) {
    const s = Math.min(i.maxPoints, left);
    out[i.key] = { score: s, deductions: [] };
    left -= s;
  }
  return out;
}
const input = (base: number, bonus: Record<string, number> = {}, vetoes: string[] = []): RatingScoreInput => ({
  indicators: claims(base),
  bonus,
  vetoes,
});

describe('the default template', () => {
  it('has 8 indicators (7 scored + 加分项目) and 110 points', () => {
    expect(rubricIndicators(R).map((i) => i.name)).toEqual([
      '领导班子',
      '骨干队伍',
      '活动阵地',
      '工作制度',
      '保障机制',
      '工作业绩',
      '群众评价',
    ]);
    expect(R.bonusName).toBe('加分项目');
    expect(rubricTotal(R)).toBe(110);
    expect(rubricIssues(R)).toEqual([]);
  });
});

describe('scoreRating: thresholds → stars', () => {
  it.each([
    // [base, bonus, vetoes, total, stars]
    [100, { innovation: 5, honour: 3, experience: 2 }, [], 110, 5],
    [85, { innovation: 5 }, [], 90, 5],
    [90, {}, [], 90, 4], // the edge: 90 points without an innovation project is four stars
    [88, { honour: 2 }, [], 90, 4],
    [100, { honour: 3, experience: 2 }, [], 105, 4],
    [89, { innovation: 0 }, [], 89, 4],
    [84, { innovation: 5 }, [], 89, 4], // innovation, but under 90
    [80, {}, [], 80, 4],
    [79, {}, [], 79, 3],
    [70, {}, [], 70, 3],
    [69, {}, [], 69, 2],
    [60, {}, [], 60, 2],
    [59, {}, [], 59, 1],
    [0, {}, [], 0, 1],
  ] as const)('base %i + bonus %j → %i points, %i stars', (base, bonus, vetoes, total, stars) => {
    const r = scoreRating(R, input(base, bonus, [...vetoes]));
    expect(r.total).toBe(total);
    expect(r.stars).toBe(stars);
  });

  it('caps the bonus per item and all together at 加分项目 10', () => {
    const r = scoreRating(R, input(80, { innovation: 9, honour: 3, experience: 2 }));
    expect(r.bonus).toBe(10);
    expect(r.total).toBe(90);
  });

  it('applies deduction rules, never below zero', () => {
    const ind = claims(100);
    ind.system = { score: 15, deductions: ['system-d1', 'system-d2'] };
    ind.venue = { score: 3, deductions: ['venue-d1'] };
    const r = scoreRating(R, { indicators: ind, bonus: {}, vetoes: [] });
    expect(r.indicatorPoints.system).toBe(10);
    expect(r.indicatorPoints.venue).toBe(0);
    expect(r.base).toBe(100 - 5 - 10);
  });
});

describe('scoreRating: vetoes (一票否决) cap the result', () => {
  it.each([
    [['safety'], 1, ['发生重大安全生产事故']],
    [['discipline'], 2, ['党组织或班子成员受到党纪处分']],
    [['discipline', 'credit'], 1, ['企业被列入严重失信名单或有重大税务违法记录', '党组织或班子成员受到党纪处分']],
    [[], 5, []],
  ] as const)('%j → at most %i stars', (vetoes, stars, cappedBy) => {
    const r = scoreRating(R, input(100, { innovation: 5 }, [...vetoes]));
    expect(r.scoreStars).toBe(5);
    expect(r.stars).toBe(stars);
    expect([...r.cappedBy].sort()).toEqual([...cappedBy].sort());
  });

  it('a veto that caps above the score changes nothing', () => {
    const r = scoreRating(R, input(55, {}, ['discipline']));
    expect(r.stars).toBe(1);
    expect(r.cappedBy).toEqual([]);
  });
});

describe('scoreIssues: bad input refused with the rule named', () => {
  const evidence = Object.fromEntries([...rubricIndicators(R).map((i) => i.key), 'innovation', 'honour'].map((k) => [k, 1]));
  it('accepts a complete, in-range rating with evidence', () => {
    expect(scoreIssues(R, input(90, { innovation: 5 }), evidence)).toEqual([]);
  });
  it.each([
    ['leadership', 16, '「领导班子」的得分应为0–15之间的整数'],
    ['leadership', -1, '「领导班子」的得分应为0–15之间的整数'],
    ['performance', 2.5, '「工作业绩」的得分应为0–25之间的整数'],
  ])('%s scored %d', (key, score, message) => {
    const i = input(90);
    i.indicators[key] = { score, deductions: [] };
    expect(scoreIssues(R, i, evidence)).toContainEqual({ field: `indicators.${key}`, message, rule: 'range' });
  });
  it('a missing indicator, an unknown deduction, bonus over its maximum, unknown veto', () => {
    const i = input(90, { innovation: 6, nope: 1 }, ['nope']);
    delete i.indicators.venue;
    i.indicators.system = { score: 10, deductions: ['x'] };
    expect(scoreIssues(R, i, evidence).map((x) => x.message)).toEqual([
      '请为「活动阵地」打分（0–10分）',
      '「工作制度」没有这项扣分规则',
      '「党建创新项目」的加分应为0–5之间的整数',
      '加分项目中没有这一项',
      '一票否决事项中没有这一项',
    ]);
  });
  it('evidence is required where the rubric says so, and not for a zero score or 保障机制', () => {
    const i = input(100, { innovation: 5 });
    i.indicators.venue = { score: 0, deductions: [] };
    const issues = scoreIssues(R, i, { leadership: 1 });
    expect(issues.map((x) => x.message)).toEqual([
      '「骨干队伍」须上传佐证材料',
      '「工作制度」须上传佐证材料',
      '「工作业绩」须上传佐证材料',
      '「群众评价」须上传佐证材料',
      '「党建创新项目」须上传佐证材料',
    ]);
  });
});

describe('quotas per star level', () => {
  it.each([
    [12, 2],
    [10, 2],
    [9, 1],
    [4, 0],
  ])('20%% of %i branches → %i five-star places', (n, max) => {
    expect(quotaFor(R, 5, n)).toBe(max);
  });
  it('no quota for levels without one', () => {
    expect(quotaFor(R, 4, 12)).toBeNull();
    expect(quotaIssue(R, 4, 100, 12)).toBeNull();
  });
  it('refuses the place past the quota, naming it', () => {
    expect(quotaIssue(R, 5, 1, 12)).toBeNull();
    expect(quotaIssue(R, 5, 2, 12)).toBe('五星级名额已满：不超过参评支部的20%，本轮12个支部参评，最多2个');
  });
});

describe('rubricIssues (the editor)', () => {
  it.each([
    [{ ...R, validityMonths: 36 }, '星级有效期应为12–24个月（1–2年）'],
    [{ ...R, quotas: [{ stars: 5 as const, maxPercent: 0 }] }, '五星级的名额比例应在1%–100%之间'],
    [
      {
        ...R,
        thresholds: [
          { stars: 5 as const, minScore: 70, requiresInnovation: true },
          { stars: 4 as const, minScore: 80, requiresInnovation: false },
        ],
      },
      '五星级的分数线应高于四星级',
    ],
    [{ ...R, bonus: R.bonus.filter((b) => !b.innovation) }, '有星级要求创新项目，加分项目中须有一项“创新项目”'],
    [{ ...R, vetoes: [...R.vetoes, { key: 'leadership', name: 'x', capStars: 1 as const }] }, '编码「leadership」重复'],
  ])('%#: %s', (rubric, message) => {
    expect(rubricIssues(rubric).map((x) => x.message)).toContain(message);
  });
  it('with thresholds as data, a custom rubric moves the edge', () => {
    const custom = { ...R, thresholds: R.thresholds.map((t) => (t.stars === 5 ? { ...t, requiresInnovation: false } : t)) };
    expect(starsForScore(custom, 90, false)).toBe(5);
    expect(starsForScore(R, 90, false)).toBe(4);
  });
});

describe('validity', () => {
  it.each([
    ['2026-03-15', 24, '2028-03-14'],
    ['2026-01-01', 12, '2026-12-31'],
  ])('%s + %i months → %s', (from, months, until) => {
    expect(starValidUntil(from, months)).toBe(until);
  });
});
