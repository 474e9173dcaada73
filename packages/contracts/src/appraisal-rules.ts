/**
 * Democratic appraisal of members (民主评议党员), as plain data and pure functions shared with the browser.
 * Once a year per branch: self assessment, mutual assessment, then the branch committee's opinion and a grade.
 * DOMAIN.md: grades 优秀 / 合格 / 基本合格 / 不合格; 优秀 at most 1/3 of the members graded; probationary
 * members take part without a grade.
 */

export const APPRAISAL_GRADES = ['excellent', 'qualified', 'basically_qualified', 'unqualified'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
export const APPRAISAL_GRADE_LABELS: Record<AppraisalGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  basically_qualified: '基本合格',
  unqualified: '不合格',
};

export const APPRAISAL_STATUSES = ['open', 'closed'] as const;
export type AppraisalStatus = (typeof APPRAISAL_STATUSES)[number];
export const APPRAISAL_STATUS_LABELS: Record<AppraisalStatus, string> = { open: '进行中', closed: '已结束' };

/**
 * The rules as data (configurable by the city, versioned by year from `effectiveFrom`): the share of graded
 * members who may be 优秀 (numerator / denominator, rounded down), and the grades that need the committee's
 * written opinion (a low grade is never given without its reason).
 */
export interface AppraisalRuleSet {
  effectiveFrom: number;
  excellentShare: { numerator: number; denominator: number };
  opinionRequiredFor: readonly AppraisalGrade[];
}
export const APPRAISAL_RULES: readonly AppraisalRuleSet[] = [
  {
    effectiveFrom: 2000,
    excellentShare: { numerator: 1, denominator: 3 },
    opinionRequiredFor: ['basically_qualified', 'unqualified'],
  },
];

/** The rules in force for an appraisal year (the latest set not newer than the year). */
export function appraisalRulesFor(year: number): AppraisalRuleSet {
  const found = [...APPRAISAL_RULES].reverse().find((r) => r.effectiveFrom <= year);
  return found ?? APPRAISAL_RULES[0]!;
}

/** How many of `graded` full members may be 优秀: ⌊graded × share⌋ (10 graded → 3, 9 → 3, 2 → 0). */
export function maxExcellent(graded: number, rules: AppraisalRuleSet): number {
  if (!Number.isInteger(graded) || graded < 0) throw new RangeError('graded must be a whole number ≥ 0');
  return Math.floor((graded * rules.excellentShare.numerator) / rules.excellentShare.denominator);
}

/**
 * The 优秀 cap as a check: null when `excellent` of `graded` is allowed, else the Chinese message naming the
 * limit. `graded` counts the full members taking part (every one of them gets a grade by the close).
 */
export function excellentIssue(excellent: number, graded: number, rules: AppraisalRuleSet): string | null {
  const max = maxExcellent(graded, rules);
  if (excellent <= max) return null;
  const { numerator, denominator } = rules.excellentShare;
  return `评为优秀的党员不能超过参加评定党员的${numerator}/${denominator}：本次参加评定${graded}人，优秀最多${max}人`;
}

export interface AppraisalEntryFacts {
  memberStatus: 'full' | 'probationary';
  grade: AppraisalGrade | null;
  committeeOpinion: string | null;
}

/** One entry's grade against the rules: probationary members get none; low grades need the committee's opinion. */
export function entryIssue(e: AppraisalEntryFacts, rules: AppraisalRuleSet): { field: string; message: string } | null {
  if (e.memberStatus === 'probationary' && e.grade !== null)
    return { field: 'grade', message: '预备党员参加民主评议，但不评定等次' };
  if (e.grade && rules.opinionRequiredFor.includes(e.grade) && !e.committeeOpinion?.trim())
    return { field: 'committeeOpinion', message: `评定为「${APPRAISAL_GRADE_LABELS[e.grade]}」须填写支部委员会意见` };
  return null;
}

/** What still keeps an appraisal from closing: full members without a grade, and the 优秀 cap. */
export function closeIssues(entries: readonly AppraisalEntryFacts[], rules: AppraisalRuleSet): string[] {
  const full = entries.filter((e) => e.memberStatus === 'full');
  const issues: string[] = [];
  const ungraded = full.filter((e) => e.grade === null).length;
  if (full.length === 0) issues.push('没有需要评定等次的正式党员');
  if (ungraded > 0) issues.push(`还有${ungraded}名正式党员未评定等次`);
  const cap = excellentIssue(full.filter((e) => e.grade === 'excellent').length, full.length, rules);
  if (cap) issues.push(cap);
  return issues;
}
