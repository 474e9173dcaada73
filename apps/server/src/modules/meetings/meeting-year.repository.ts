import { MEETING_KINDS, type MeetingKind } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';

// The compliance rollup (meeting_year): one row per branch and year, per kind the months held and made up.

/** The held meetings a rollup row for one branch, kind and year is computed from (a year and its makeups). */
export async function heldMeetingsForTally(
  db: Db | Trx,
  branchId: string,
  kind: MeetingKind,
  year: number,
): Promise<{ heldOn: string; makesUpPeriod: string | null }[]> {
  const rows = await db
    .selectFrom('meeting')
    .select(['held_on', 'makes_up_period'])
    .where('branch_id', '=', branchId)
    .where('kind', '=', kind)
    .where('status', '=', 'held')
    // Meetings held this year, and makeups held up to a year later for this year's periods.
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year + 1}-12-31`)
    .execute();
  return rows.map((r) => ({ heldOn: r.held_on, makesUpPeriod: r.makes_up_period }));
}

/** Writes one kind's two columns of a branch's rollup row for a year (month bit masks). */
export async function saveMeetingYear(
  trx: Trx,
  branchId: string,
  year: number,
  kind: MeetingKind,
  masks: { held: number; madeUp: number },
): Promise<void> {
  const columns = { [`${kind}_held`]: masks.held, [`${kind}_made_up`]: masks.madeUp } as Record<
    `${MeetingKind}_held` | `${MeetingKind}_made_up`,
    number
  >;
  await trx
    .insertInto('meeting_year')
    .values({ branch_id: branchId, year, ...columns })
    .onConflict((oc) => oc.columns(['branch_id', 'year']).doUpdateSet(columns))
    .execute();
}

/** A branch's rollup row for a year: per kind, the months held and the first months of periods made up. */
export interface MeetingYearRow {
  branchId: string;
  year: number;
  held: Partial<Record<MeetingKind, number>>;
  madeUp: Partial<Record<MeetingKind, number>>;
}

/** Inserts whole rollup rows (kinds left out are 0), in chunks: for a world written at once, like the demo. */
export async function insertMeetingYears(trx: Trx, rows: readonly MeetingYearRow[]): Promise<void> {
  const values = rows.map((r) => ({
    branch_id: r.branchId,
    year: r.year,
    ...Object.fromEntries(
      MEETING_KINDS.flatMap((k) => [
        [`${k}_held`, r.held[k] ?? 0],
        [`${k}_made_up`, r.madeUp[k] ?? 0],
      ]),
    ),
  }));
  for (let i = 0; i < values.length; i += 200) {
    await trx
      .insertInto('meeting_year')
      .values(values.slice(i, i + 200))
      .execute();
  }
}
