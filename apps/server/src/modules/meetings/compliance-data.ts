import {
  beijingDay,
  type ComplianceStatus,
  type Frequency,
  frequencyFor,
  MEETING_BRANCH_KINDS,
  MEETING_KINDS,
  type MeetingKind,
  monthBit,
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
  /** Per kind: [held months, made-up months] bits. */
  bits: Map<MeetingKind, [number, number]>;
}

interface PeriodMask {
  period: Period;
  held: number;
  firstBit: number;
}

/**
 * Everything the compliance grid and its gaps need, in two reads: the branches of the subtree the user may
 * read (with whether they have groups and when they are measured from), and the year's rollup rows
 * (meeting_year: at most one per branch and kind). Statuses are then computed with bit masks.
 */
export async function loadComplianceYear(db: Db | Trx, access: Access, orgId: string, year: number) {
  const branches = await db
    .selectFrom('org as o')
    .innerJoin('org_closure as c', 'c.descendant_id', 'o.id')
    .select([
      'o.id',
      'o.name',
      'o.founded_on',
      'o.created_at',
      sql<number>`case when exists (select 1 from org as g where g.parent_id = o.id and g.status = 'active' and g.kind = 'group') then 1 else 0 end`.as(
        'has_groups',
      ),
    ])
    .where('c.ancestor_id', '=', orgId)
    .where('o.kind', 'in', MEETING_BRANCH_KINDS)
    .where('o.status', '=', 'active')
    .where(access.scope('meeting.read', 'o.id'))
    .orderBy('o.name_pinyin')
    .orderBy('o.id')
    .execute();
  const tallies = await db
    .selectFrom('meeting_year as y')
    .innerJoin('org_closure as c', 'c.descendant_id', 'y.branch_id')
    .select(['y.branch_id', 'y.kind', 'y.held_months', 'y.made_up_months'])
    .where('c.ancestor_id', '=', orgId)
    .where('y.year', '=', year)
    .execute();
  const byId = new Map<string, BranchYear>();
  const list: BranchYear[] = branches.map((b) => {
    const row: BranchYear = {
      id: b.id,
      name: b.name,
      measuredFrom: b.founded_on ?? beijingDay(b.created_at),
      hasGroups: Number(b.has_groups) === 1,
      bits: new Map(),
    };
    byId.set(b.id, row);
    return row;
  });
  for (const t of tallies) byId.get(t.branch_id)?.bits.set(t.kind, [Number(t.held_months), Number(t.made_up_months)]);
  const overrides = await loadOverrides(db);
  const frequencies = Object.fromEntries(MEETING_KINDS.map((k) => [k, frequencyFor(k, year, overrides)])) as Record<
    MeetingKind,
    Frequency
  >;
  return { branches: list, frequencies };
}

const masks = new Map<string, PeriodMask[]>();
function periodMasks(year: number, frequency: Frequency): PeriodMask[] {
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

/** The statuses of one branch's periods for one kind: the same rule as contracts' statusOf, on bit masks. */
export function branchStatuses(b: BranchYear, kind: MeetingKind, year: number, frequency: Frequency, today: string) {
  const [held, madeUp] = b.bits.get(kind) ?? [0, 0];
  const required = kind !== 'group_meeting' || b.hasGroups;
  return periodMasks(year, frequency).map(({ period, held: mask, firstBit }) => {
    let status: ComplianceStatus;
    if (!required) status = 'not_required';
    else if (held & mask) status = 'on_time';
    else if (madeUp & firstBit) status = 'made_up';
    else if (b.measuredFrom > period.start) status = 'not_required';
    else if (today < period.start) status = 'upcoming';
    else if (today <= period.end) status = 'due';
    else status = 'missing';
    return { period, status };
  });
}

export const emptyCounts = (): Record<ComplianceStatus, number> => ({
  on_time: 0,
  made_up: 0,
  missing: 0,
  due: 0,
  upcoming: 0,
  not_required: 0,
});
