/**
 * Organisational life (三会一课), as plain data and pure functions shared by the server and the browser:
 * the meeting kinds, the required frequencies (rules as data, versioned; the city may override them per
 * year), Beijing-time periods, and the compliance rule that says, for one branch, kind and period, whether
 * the meeting was held on time, made up late (补开) or is missing.
 */

export const MEETING_KINDS = [
  'general_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'life_meeting',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  general_meeting: '支部党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
};
export const MEETING_KIND_SHORT: Record<MeetingKind, string> = {
  general_meeting: '党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
};

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { planned: '计划', held: '已召开', cancelled: '已取消' };

export const ATTENDANCE = ['present', 'on_leave', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { present: '实到', on_leave: '请假', absent: '缺席' };

export const FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = { month: '每月一次', quarter: '每季度一次', year: '每年一次' };

/** Org kinds that hold branch meetings (a general branch holds its own general meeting); groups hold group meetings. */
export const MEETING_BRANCH_KINDS = ['branch', 'joint_branch', 'general_branch'] as const;

/**
 * The default frequencies: 《中国共产党支部工作条例（试行）》(2018) as DOMAIN.md states them. A version is a
 * set of rules; the city's overrides (per kind, from a year on) are kept in the database.
 */
export const MEETING_RULES_VERSION = '2018 支部工作条例';
export const DEFAULT_FREQUENCIES: Record<MeetingKind, Frequency> = {
  general_meeting: 'quarter',
  committee_meeting: 'month',
  group_meeting: 'month',
  party_lecture: 'quarter',
  theme_day: 'month',
  life_meeting: 'year',
};

export interface RuleOverride {
  kind: MeetingKind;
  /** The first year the frequency applies to (a frequency changes from a year's start, never mid-year). */
  fromYear: number;
  frequency: Frequency;
}

/** The frequency in force for a kind in a year: the latest override from that year or before, else the default. */
export function frequencyFor(kind: MeetingKind, year: number, overrides: readonly RuleOverride[]): Frequency {
  let best: RuleOverride | null = null;
  for (const o of overrides) {
    if (o.kind === kind && o.fromYear <= year && (!best || o.fromYear > best.fromYear)) best = o;
  }
  return best?.frequency ?? DEFAULT_FREQUENCIES[kind];
}

// ---- Beijing time and periods --------------------------------------------------------------------------

// Beijing dates and times come from the one time module; the names here stay for the meeting code.
export { beijingDate as beijingDay, beijingDateTime, instantOfBeijing } from './time.js';

export interface Period {
  /** '2026-03', '2026-Q1' or '2026'. */
  key: string;
  year: number;
  /** Month numbers 1–12 the period covers. */
  months: number[];
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function periodFrom(year: number, firstMonth: number, length: number, key: string): Period {
  const months = Array.from({ length }, (_, i) => firstMonth + i);
  const last = months[months.length - 1]!;
  return { key, year, months, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** The period of a frequency containing a (Beijing) date. */
export function periodOf(date: string, frequency: Frequency): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (frequency === 'month') return periodFrom(year, month, 1, `${year}-${pad(month)}`);
  if (frequency === 'quarter') {
    const q = Math.ceil(month / 3);
    return periodFrom(year, q * 3 - 2, 3, `${year}-Q${q}`);
  }
  return periodFrom(year, 1, 12, String(year));
}

/** A period from its key, or null when the key names none. */
export function periodByKey(key: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return periodFrom(Number(m[1]), Number(m[2]), 1, key);
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return periodFrom(Number(m[1]), Number(m[2]) * 3 - 2, 3, key);
  m = /^(\d{4})$/.exec(key);
  if (m) return periodFrom(Number(m[1]), 1, 12, key);
  return null;
}

export const frequencyOfKey = (key: string): Frequency =>
  /^\d{4}-\d{2}$/.test(key) ? 'month' : /^\d{4}-Q\d$/.test(key) ? 'quarter' : 'year';

export function periodsOfYear(year: number, frequency: Frequency): Period[] {
  if (frequency === 'month') return Array.from({ length: 12 }, (_, i) => periodFrom(year, i + 1, 1, `${year}-${pad(i + 1)}`));
  if (frequency === 'quarter') return [1, 2, 3, 4].map((q) => periodFrom(year, q * 3 - 2, 3, `${year}-Q${q}`));
  return [periodFrom(year, 1, 12, String(year))];
}

export function periodLabel(key: string): string {
  const p = periodByKey(key);
  if (!p) return key;
  const f = frequencyOfKey(key);
  if (f === 'month') return `${p.year}年${p.months[0]}月`;
  if (f === 'quarter') return `${p.year}年第${Math.ceil(p.months[0]! / 3)}季度`;
  return `${p.year}年`;
}

// ---- compliance ------------------------------------------------------------------------------------------

export const COMPLIANCE_STATUSES = ['on_time', 'made_up', 'missing', 'due', 'upcoming', 'not_required'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
  on_time: '按时召开',
  made_up: '补开',
  missing: '缺开',
  due: '本期待开',
  upcoming: '未到期',
  not_required: '不要求',
};

/** Month bits: bit (m − 1) stands for month m of the year. */
export const monthBit = (month: number) => 1 << (month - 1);

export interface ComplianceInput {
  year: number;
  frequency: Frequency;
  /** Months of the year with a meeting of the kind held in them (not counting made-up meetings). */
  heldMonths: number;
  /** First months of the periods of that year that a later meeting made up (补开). */
  madeUpMonths: number;
  /** Whether the branch is asked for this kind at all (group meetings: only branches that have groups). */
  required: boolean;
  /** The branch's creation date (Beijing): a period that started before it is not asked of the branch. */
  measuredFrom: string;
  /** Today's Beijing date. */
  today: string;
}

/**
 * The status of each period of the year. A meeting in the period is on time; else one held later and marked
 * as making it up is 补开; else the period is missing once it has ended (due while it runs, upcoming before).
 * New branches are measured from their creation: a period that began before the branch existed is not asked
 * (a branch set up on 15 February owes its first quarterly meeting for Q2) — unless it met anyway.
 */
export function complianceOf(input: ComplianceInput): { period: Period; status: ComplianceStatus }[] {
  return periodsOfYear(input.year, input.frequency).map((period) => ({ period, status: statusOf(input, period) }));
}

export function statusOf(input: ComplianceInput, period: Period): ComplianceStatus {
  if (!input.required) return 'not_required';
  if (period.months.some((m) => input.heldMonths & monthBit(m))) return 'on_time';
  if (input.madeUpMonths & monthBit(period.months[0]!)) return 'made_up';
  if (input.measuredFrom > period.start) return 'not_required';
  if (input.today < period.start) return 'upcoming';
  if (input.today <= period.end) return 'due';
  return 'missing';
}

/**
 * Whether a meeting on `heldOn` may be recorded as making up `periodKey` (补开): the period must be of the
 * kind's frequency and have ended before the meeting. Null when it may; otherwise why not.
 */
export function makeUpProblem(periodKey: string, frequency: Frequency, heldOn: string): string | null {
  const p = periodByKey(periodKey);
  if (!p || frequencyOfKey(periodKey) !== frequency)
    return `补开的期次应为${FREQUENCY_LABELS[frequency].replace('一次', '')}的一期`;
  if (heldOn <= p.end) return `${periodLabel(periodKey)}尚未结束或会议就在该期内召开，不是补开`;
  return null;
}
