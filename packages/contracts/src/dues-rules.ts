/**
 * Party dues (党费) rules, from 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008) — DOMAIN.md "Dues".
 * Pure and zod-free: the browser and the server compute the same amounts. Money is integer fen throughout.
 *
 * Rounding: an amount is the base times a rate in basis points (1 bp = 0.01%), rounded half up to the fen:
 * fen = floor((base × bp + 5000) / 10000). Bases and rates are non-negative, so "half up" never meets a
 * negative number.
 */

/** 党费类别: how a member's monthly dues are worked out. */
export const DUES_CATEGORIES = ['employee', 'retiree', 'farmer', 'student', 'unemployed', 'relief'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employee: '在职',
  retiree: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  relief: '享受低保/生活困难',
};

/** A hardship reduction (减免) waits for the level above, which approves or rejects it. */
export const DUES_REDUCTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type DuesReductionStatus = (typeof DUES_REDUCTION_STATUSES)[number];
export const DUES_REDUCTION_STATUS_LABELS: Record<DuesReductionStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

/** Categories whose amount is a rate on the monthly income (the others pay a fixed amount and have no base). */
export const DUES_RATED_CATEGORIES: readonly DuesCategory[] = ['employee', 'retiree'];
export const duesCategoryHasBase = (c: DuesCategory) => DUES_RATED_CATEGORIES.includes(c);

/** One bracket: bases up to `upToFen` (inclusive; null = no upper bound) pay `bp` basis points of the whole base. */
export interface DuesBracket {
  upToFen: number | null;
  bp: number;
}

/** A version of the rules, in force from a month (YYYY-MM) until the next version. */
export interface DuesRuleSet {
  effectiveFrom: string;
  source: string;
  /** Flat rate on the whole base (not progressive), by the bracket the base falls in. */
  brackets: Record<'employee' | 'retiree', readonly DuesBracket[]>;
  /** Farmers pay a fixed amount the branch sets within these bounds (fen), by default `defaultFen`. */
  farmer: { minFen: number; maxFen: number; defaultFen: number };
  /** Students, the unemployed and members on relief or 低保 pay this fixed amount (fen). */
  fixedFen: number;
  /** A single payment of at least this much is 大额党费 (forwarded upward). */
  largePaymentFen: number;
  /** Unpaid months may be made up for this many months back. */
  makeUpMonths: number;
  /** Consecutive unpaid months from which the platform warns. */
  warnFromMonths: number;
  /** Consecutive unpaid months treated as leaving the Party (自行脱党) — for review, never automatic. */
  lapseMonths: number;
}

export const DUES_RULE_VERSIONS: readonly DuesRuleSet[] = [
  {
    effectiveFrom: '2008-04',
    source: '中组部《关于中国共产党党费收缴、使用和管理的规定》（2008年）',
    brackets: {
      employee: [
        { upToFen: 300_000, bp: 50 },
        { upToFen: 500_000, bp: 100 },
        { upToFen: 1_000_000, bp: 150 },
        { upToFen: null, bp: 200 },
      ],
      retiree: [
        { upToFen: 500_000, bp: 50 },
        { upToFen: null, bp: 100 },
      ],
    },
    farmer: { minFen: 20, maxFen: 100, defaultFen: 20 },
    fixedFen: 20,
    largePaymentFen: 100_000,
    makeUpMonths: 6,
    warnFromMonths: 3,
    lapseMonths: 6,
  },
];

/** The largest monthly base accepted (1,000,000 元): keeps base × rate far inside exact integer arithmetic. */
export const DUES_MAX_BASE_FEN = 100_000_000;

/** The rules in force in a month (YYYY-MM); months before the first version use the first. */
export function duesRulesFor(month: string, versions: readonly DuesRuleSet[] = DUES_RULE_VERSIONS): DuesRuleSet {
  let found = versions[0]!;
  for (const v of versions) if (v.effectiveFrom <= month && v.effectiveFrom >= found.effectiveFrom) found = v;
  return found;
}

/** base × bp / 10000, rounded half up to the fen. */
export function applyRate(baseFen: number, bp: number): number {
  if (!Number.isSafeInteger(baseFen) || baseFen < 0) throw new RangeError('base must be a non-negative integer of fen');
  if (!Number.isInteger(bp) || bp < 0) throw new RangeError('rate must be a non-negative integer of basis points');
  return Math.floor((baseFen * bp + 5000) / 10000);
}

/** The rate (basis points) a base falls under for employees or retirees. */
export function duesRateBp(category: 'employee' | 'retiree', baseFen: number, rules: DuesRuleSet): number {
  for (const b of rules.brackets[category]) if (b.upToFen === null || baseFen <= b.upToFen) return b.bp;
  throw new RangeError('the brackets must end with an open one');
}

export interface DuesProfileFacts {
  category: DuesCategory;
  /** Monthly after-tax regular income (employees, retirees); null for the fixed-amount categories. */
  baseFen: number | null;
  /** A farmer's fixed amount as the branch set it (null: the rules' default). */
  fixedFen?: number | null;
}

/** The monthly amount due (fen) for a profile under a rule set. */
export function monthlyDues(p: DuesProfileFacts, rules: DuesRuleSet): number {
  switch (p.category) {
    case 'employee':
    case 'retiree':
      if (p.baseFen === null) throw new RangeError('a rated category needs a base');
      return applyRate(p.baseFen, duesRateBp(p.category, p.baseFen, rules));
    case 'farmer':
      return p.fixedFen ?? rules.farmer.defaultFen;
    default:
      return rules.fixedFen;
  }
}

export interface DuesProfileIssue {
  field: 'baseFen' | 'fixedFen';
  message: string;
}

/** Checks a profile against the rules; each message names its field. */
export function checkDuesProfile(p: DuesProfileFacts, rules: DuesRuleSet): DuesProfileIssue[] {
  const issues: DuesProfileIssue[] = [];
  if (duesCategoryHasBase(p.category)) {
    if (p.baseFen === null) issues.push({ field: 'baseFen', message: `${DUES_CATEGORY_LABELS[p.category]}党员须填写月收入基数` });
    else if (!Number.isSafeInteger(p.baseFen) || p.baseFen <= 0)
      issues.push({ field: 'baseFen', message: '月收入基数须大于0，精确到分' });
    else if (p.baseFen > DUES_MAX_BASE_FEN)
      issues.push({ field: 'baseFen', message: `月收入基数不能超过${formatYuan(DUES_MAX_BASE_FEN)}` });
  } else if (p.baseFen !== null) {
    issues.push({ field: 'baseFen', message: `${DUES_CATEGORY_LABELS[p.category]}党员按固定金额缴纳，不填月收入基数` });
  }
  if (p.fixedFen !== undefined && p.fixedFen !== null) {
    const { minFen, maxFen } = rules.farmer;
    if (p.category !== 'farmer') issues.push({ field: 'fixedFen', message: '只有农民党员可以设置固定缴纳金额' });
    else if (!Number.isInteger(p.fixedFen) || p.fixedFen < minFen || p.fixedFen > maxFen)
      issues.push({ field: 'fixedFen', message: `农民党员每月缴纳${formatYuan(minFen)}至${formatYuan(maxFen)}` });
  }
  return issues;
}

export const isLargePayment = (amountFen: number, rules: DuesRuleSet) => amountFen >= rules.largePaymentFen;

export type ArrearsLevel = 'none' | 'warning' | 'lapse';
export const ARREARS_LEVEL_LABELS: Record<ArrearsLevel, string> = {
  none: '正常',
  warning: '连续欠缴提醒',
  lapse: '连续6个月未缴，按自行脱党处理——请核实',
};

/** The warning for a run of consecutive unpaid months: from 3 a warning, from 6 the 自行脱党 review. */
export function arrearsLevel(consecutiveUnpaid: number, rules: DuesRuleSet): ArrearsLevel {
  if (consecutiveUnpaid >= rules.lapseMonths) return 'lapse';
  if (consecutiveUnpaid >= rules.warnFromMonths) return 'warning';
  return 'none';
}

/**
 * The month from which unpaid months count as arrears: the later of the admission month and the month of the
 * member's first dues profile. Before the first profile no amount was set, so nothing was owed; without a
 * profile (null) nothing is owed yet.
 */
export function arrearsStart(admissionMonth: string | null, firstProfileMonth: string | null): string | null {
  if (firstProfileMonth === null) return null;
  return admissionMonth !== null && admissionMonth > firstProfileMonth ? admissionMonth : firstProfileMonth;
}

/**
 * Consecutive unpaid months ending at `month`, going back no further than `start` (see `arrearsStart`) nor
 * `lookback` months (`month` included). Only ended months are in arrears: `currentMonth` (and any later month)
 * is still open for payment and does not count, though a payment in it ends the run. A month counts as settled
 * when `settled(month)` says so (paid, or nothing due after an approved reduction).
 */
export function consecutiveUnpaid(
  month: string,
  currentMonth: string,
  start: string | null,
  settled: (month: string) => boolean,
  lookback = 24,
): number {
  if (start === null) return 0;
  const earliest = addMonths(month, -(lookback - 1));
  let n = 0;
  for (let m = month; m >= start && m >= earliest; m = addMonths(m, -1)) {
    if (settled(m)) break;
    if (m < currentMonth) n += 1;
  }
  return n;
}

/** Whether a payment for `month` may be recorded in `currentMonth`: not ahead, and made up at most N months back. */
export function paymentMonthIssue(month: string, currentMonth: string, rules: DuesRuleSet): string | null {
  if (month > currentMonth) return '不能登记未来月份的党费';
  if (monthsBetween(month, currentMonth) > rules.makeUpMonths)
    return `补缴党费最多补缴${rules.makeUpMonths}个月（最早 ${addMonths(currentMonth, -rules.makeUpMonths)}）`;
  return null;
}

/** The month (YYYY-MM) of a date (YYYY-MM-DD). */
export const monthOf = (date: string) => date.slice(0, 7);

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from);
}

/** Money as users read it: ¥1,234.50 (fen in, text out; no floating point on the way). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Parses 元 as typed ("3000", "3,000.5", "3000.01") to fen; null when it is not an amount with at most 2 decimals. */
export function parseYuan(text: string): number | null {
  const t = text.trim().replaceAll(',', '').replace(/^¥/, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(t);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen as a plain 元 figure with two decimals for inputs and spreadsheets ("3000.01"). */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
