import {
  beijingDay,
  type ComplianceStatus,
  type Frequency,
  frequencyFor,
  MEETING_KINDS,
  type MeetingKind,
  monthBit,
  type Period,
  periodsOfYear,
} from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { listBranchYears } from './meeting-branches.repository.js';
import { loadOverrides } from './meeting-rules.repository.js';

export interface BranchYear {
  id: string;
  name: string;
  measuredFrom: string;
  hasGroups: boolean;
  /** Whether it has a branch committee (≥ 3 members): only then is it asked for committee meetings. */
  hasCommittee: boolean;
  /** Per kind (in MEETING_KINDS order): months held, and first months of periods made up, as bits. */
  held: number[];
  madeUp: number[];
}

export interface PeriodMask {
  period: Period;
  held: number;
  firstBit: number;
}

/**
 * Everything the compliance grid and its gaps need, in one read: the branches of the subtree the user may
 * read (with whether they have groups or a committee and when they are measured from), each joined to its
 * row of the year's rollup (meeting_year, by primary key). Statuses are then computed with bit masks.
 */
export async function loadComplianceYear(db: Db | Trx, access: Access, orgId: string, year: number) {
  const rows = await listBranchYears(db, orgId, year, access.scope('meeting.read', 'o.id'));
  const list: BranchYear[] = rows.map((b) => ({
    id: b.id,
    name: b.name,
    measuredFrom: b.foundedOn ?? dayOf(b.createdAt),
    hasGroups: b.hasGroups,
    hasCommittee: b.hasCommittee,
    held: b.held,
    madeUp: b.madeUp,
  }));
  const overrides = await loadOverrides(db);
  const frequencies = Object.fromEntries(MEETING_KINDS.map((k) => [k, frequencyFor(k, year, overrides)])) as Record<
    MeetingKind,
    Frequency
  >;
  return { branches: list, frequencies };
}

/** Group meetings are asked only of branches with groups, committee meetings only of branches with a committee. */
export function isAsked(kind: MeetingKind, b: { hasGroups: boolean; hasCommittee: boolean }): boolean {
  if (kind === 'group_meeting') return b.hasGroups;
  if (kind === 'committee_meeting') return b.hasCommittee;
  return true;
}

const masks = new Map<string, PeriodMask[]>();

/** The periods of a kind's frequency in a year, as bit masks over the months (cached). */
export function periodMasks(year: number, frequency: Frequency): PeriodMask[] {
  const key = `${year}|${frequency}`;
  let m = masks.get(key);
  if (!m) {
    m = periodsOfYear(year, frequency).map((period) => ({
      period,
      held: period.months.reduce((bits, month) => bits | monthBit(month), 0),
      firstBit: monthBit(period.months[0]!),
    }));
    masks.set(key, m);
  }
  return m;
}

/**
 * The statuses of one branch's periods for one kind, in period order: the same rule as contracts' statusOf,
 * on bit masks and without allocating per period (a city has tens of thousands of branches).
 */
export function branchStatuses(
  b: BranchYear,
  kind: MeetingKind,
  periods: readonly PeriodMask[],
  today: string,
  out: ComplianceStatus[],
) {
  const held = b.held[KIND_INDEX[kind]]!;
  const madeUp = b.madeUp[KIND_INDEX[kind]]!;
  const required = isAsked(kind, b);
  out.length = periods.length;
  for (let i = 0; i < periods.length; i++) {
    const { period, held: mask, firstBit } = periods[i]!;
    out[i] = !required
      ? 'not_required'
      : held & mask
        ? 'on_time'
        : madeUp & firstBit
          ? 'made_up'
          : b.measuredFrom > period.start
            ? 'not_required'
            : today < period.start
              ? 'upcoming'
              : today <= period.end
                ? 'due'
                : 'missing';
  }
  return out;
}

export const KIND_INDEX = Object.fromEntries(MEETING_KINDS.map((k, i) => [k, i])) as Record<MeetingKind, number>;

/** The Beijing date of a stored UTC instant; the common case (before 16:00 UTC) without building a Date. */
function dayOf(instant: string): string {
  return instant.slice(11, 13) < '16' ? instant.slice(0, 10) : beijingDay(instant);
}

export const emptyCounts = (): Record<ComplianceStatus, number> => ({
  on_time: 0,
  made_up: 0,
  missing: 0,
  due: 0,
  upcoming: 0,
  not_required: 0,
});
