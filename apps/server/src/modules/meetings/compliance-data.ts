import {
  beijingDay,
  type ComplianceStatus,
  type Frequency,
  frequencyFor,
  MEETING_BRANCH_KINDS,
  MEETING_KINDS,
  type MeetingKind,
  monthBit,
  ORG_RULES,
  type Period,
  periodsOfYear,
} from '@tongxin/contracts';
import { sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
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

/** The rollup's columns in MEETING_KINDS order: held, then made up, per kind. */
const TALLY_COLUMNS = MEETING_KINDS.flatMap((k) => [`y.${k}_held`, `y.${k}_made_up`]) as `y.${MeetingKind}_held`[];

/**
 * Everything the compliance grid and its gaps need, in one read: the branches of the subtree the user may
 * read (with whether they have groups or a committee and when they are measured from), each joined to its
 * row of the year's rollup (meeting_year, by primary key). Statuses are then computed with bit masks.
 */
export async function loadComplianceYear(db: Db | Trx, access: Access, orgId: string, year: number) {
  const rows = await db
    .selectFrom('org as o')
    .innerJoin('org_closure as c', 'c.descendant_id', 'o.id')
    .leftJoin('meeting_year as y', (j) => j.onRef('y.branch_id', '=', 'o.id').on('y.year', '=', year))
    .select([
      'o.id',
      'o.name',
      'o.founded_on',
      'o.created_at',
      sql<number>`case when exists (select 1 from org as g where g.parent_id = o.id and g.status = 'active' and g.kind = 'group') then 1 else 0 end`.as(
        'has_groups',
      ),
      hasCommitteeSql.as('has_committee'),
    ])
    .select(TALLY_COLUMNS)
    .where('c.ancestor_id', '=', orgId)
    .where('o.kind', 'in', MEETING_BRANCH_KINDS)
    .where('o.status', '=', 'active')
    .where(access.scope('meeting.read', 'o.id'))
    .orderBy('o.name_pinyin')
    .orderBy('o.id')
    .execute();
  const list: BranchYear[] = rows.map((b) => {
    const r = b as unknown as Record<string, number | null>;
    return {
      id: b.id,
      name: b.name,
      measuredFrom: b.founded_on ?? dayOf(b.created_at),
      hasGroups: Number(b.has_groups) === 1,
      hasCommittee: Number(b.has_committee) === 1,
      held: MEETING_KINDS.map((k) => Number(r[`${k}_held`] ?? 0)),
      madeUp: MEETING_KINDS.map((k) => Number(r[`${k}_made_up`] ?? 0)),
    };
  });
  const overrides = await loadOverrides(db);
  const frequencies = Object.fromEntries(MEETING_KINDS.map((k) => [k, frequencyFor(k, year, overrides)])) as Record<
    MeetingKind,
    Frequency
  >;
  return { branches: list, frequencies };
}

/**
 * A branch committee of at least the minimum size (a branch under 7 full members has a secretary, not a
 * committee, and holds no 支委会), as a column of the branch query.
 */
export const hasCommitteeSql = sql<number>`case when (select count(*) from org_committee as oc inner join committee_member as cm on cm.committee_id = oc.id where oc.org_id = o.id and oc.superseded_at is null) >= ${sql.lit(ORG_RULES.committeeMinSize)} then 1 else 0 end`;

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
