import { addMonthsToDate } from './transfer-rules.js';

/**
 * Enterprise coverage (两个覆盖) and instructor rules, as versioned plain data and pure functions
 * (DOMAIN.md "Enterprise coverage", 中办发〔2012〕11号). The browser and the server read the same rules.
 */

/** 经营状态. Only operating enterprises can be in scope for the coverage survey. */
export const OPERATING_STATUSES = ['operating', 'suspended', 'deregistered'] as const;
export type OperatingStatus = (typeof OPERATING_STATUSES)[number];
export const OPERATING_STATUS_LABELS: Record<OperatingStatus, string> = {
  operating: '在营',
  suspended: '停业',
  deregistered: '注销',
};

/** 覆盖方式: its own Party organisation (单独组建), a joint branch (联合组建), or none yet. */
export const COVERAGE_KINDS = ['own', 'joint', 'none'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];
export const COVERAGE_KIND_LABELS: Record<CoverageKind, string> = {
  own: '单独组建',
  joint: '联合组建',
  none: '未覆盖',
};

/** 指导员工作记录: a visit, a talk with the owner or staff, or practical help. */
export const INSTRUCTOR_LOG_KINDS = ['visit', 'talk', 'help'] as const;
export type InstructorLogKind = (typeof INSTRUCTOR_LOG_KINDS)[number];
export const INSTRUCTOR_LOG_KIND_LABELS: Record<InstructorLogKind, string> = {
  visit: '走访',
  talk: '谈心谈话',
  help: '帮扶指导',
};

/** The longest work-log entry, in characters. */
export const INSTRUCTOR_NOTES_MAX = 500;

/**
 * A version of the coverage and instructor rules, in force from a date (YYYY-MM-DD) until the next version.
 * Change the rules by adding a version, so past figures can be explained by the rules of their day.
 */
export interface CoverageRuleSet {
  effectiveFrom: string;
  source: string;
  /** Which enterprises the coverage survey counts (统计范围). */
  scope: { fixedPremises: boolean; minEmployees: number; operatingOnly: boolean };
  /** Full members at an enterprise from which it should set up its own branch (党章: three full members). */
  ownBranchFromFullMembers: number;
  /** An instructor should be in contact with each assigned enterprise at least once in this many months. */
  visitEveryMonths: number;
  /** Which work-log entries count as that contact (and as work coverage). */
  visitKinds: readonly InstructorLogKind[];
}

export const COVERAGE_RULE_VERSIONS: readonly CoverageRuleSet[] = [
  {
    effectiveFrom: '2012-01-01',
    source: '中办发〔2012〕11号《关于加强和改进非公有制企业党的建设工作的意见（试行）》；党章第三十条',
    scope: { fixedPremises: true, minEmployees: 10, operatingOnly: true },
    ownBranchFromFullMembers: 3,
    visitEveryMonths: 3,
    visitKinds: ['visit', 'talk', 'help'],
  },
];

/** The rules in force on a day; days before the first version use the first. */
export function coverageRulesOn(date: string, versions: readonly CoverageRuleSet[] = COVERAGE_RULE_VERSIONS): CoverageRuleSet {
  let found = versions[0]!;
  for (const v of versions) if (v.effectiveFrom <= date && v.effectiveFrom >= found.effectiveFrom) found = v;
  return found;
}

export interface ScopeFacts {
  hasFixedPremises: boolean;
  employeeCount: number | null;
  operatingStatus: OperatingStatus;
}

/** Whether an enterprise counts in the coverage survey. An unknown employee count is not counted as ≥ the minimum. */
export function inCoverageScope(e: ScopeFacts, rules: CoverageRuleSet): boolean {
  if (rules.scope.fixedPremises && !e.hasFixedPremises) return false;
  if (rules.scope.operatingOnly && e.operatingStatus !== 'operating') return false;
  return (e.employeeCount ?? 0) >= rules.scope.minEmployees;
}

/** A rule set's scope in words, for the coverage page. */
export function describeScope(rules: CoverageRuleSet): string {
  const parts = [];
  if (rules.scope.operatingOnly) parts.push('在营');
  if (rules.scope.fixedPremises) parts.push('有固定经营场所');
  parts.push(`从业人数${rules.scope.minEmployees}人以上`);
  return parts.join('、');
}

/** A rate in per mille, rounded half up (e.g. 2 of 3 → 667, shown as 66.7%); null when nothing is counted. */
export function rateInPermille(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((part * 1000 * 2 + whole) / (2 * whole));
}

/** The earliest contact date that still counts as recent on `today`: the same day `visitEveryMonths` earlier. */
export function recentContactSince(today: string, rules: CoverageRuleSet): string {
  return addMonthsToDate(today, -rules.visitEveryMonths);
}

/**
 * When the next contact is due: `visitEveryMonths` after the last one, or after the assignment started when
 * there has been none since. An assignment that began after the last contact counts from its start.
 */
export function nextVisitDue(lastContact: string | null, assignedFrom: string, rules: CoverageRuleSet): string {
  const from = lastContact !== null && lastContact >= assignedFrom ? lastContact : assignedFrom;
  return addMonthsToDate(from, rules.visitEveryMonths);
}
