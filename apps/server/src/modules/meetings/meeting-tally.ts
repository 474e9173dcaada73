import { type MeetingKind, monthBit, periodByKey } from '@tongxin/contracts';
import type { Trx } from '../../platform/db/connect.js';

/**
 * Keeps meeting_year true for one branch, kind and year: recomputed from the meetings after every change
 * (an indexed read of at most a year of one kind's meetings). A meeting held in a month sets that month's
 * bit; a meeting marked 补开 sets, in the made-up period's year, the bit of that period's first month.
 */
export async function retally(trx: Trx, branchId: string, kind: MeetingKind, year: number): Promise<void> {
  const rows = await trx
    .selectFrom('meeting')
    .select(['held_on', 'makes_up_period'])
    .where('branch_id', '=', branchId)
    .where('kind', '=', kind)
    .where('status', '=', 'held')
    // Meetings held this year, and makeups held up to a year later for this year's periods.
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year + 1}-12-31`)
    .execute();
  let held = 0;
  let madeUp = 0;
  let count = 0;
  for (const r of rows) {
    if (r.makes_up_period) {
      const p = periodByKey(r.makes_up_period);
      if (p && p.year === year) madeUp |= monthBit(p.months[0]!);
    } else if (r.held_on.startsWith(`${year}-`)) {
      held |= monthBit(Number(r.held_on.slice(5, 7)));
      count++;
    }
  }
  if (held === 0 && madeUp === 0) {
    await trx
      .deleteFrom('meeting_year')
      .where('branch_id', '=', branchId)
      .where('kind', '=', kind)
      .where('year', '=', year)
      .execute();
    return;
  }
  await trx
    .insertInto('meeting_year')
    .values({ branch_id: branchId, kind, year, held_months: held, made_up_months: madeUp, held_count: count })
    .onConflict((oc) =>
      oc.columns(['branch_id', 'kind', 'year']).doUpdateSet({ held_months: held, made_up_months: madeUp, held_count: count }),
    )
    .execute();
}

/** The years a meeting touches in the rollup: the year it was held in and the year of the period it makes up. */
export function tallyYears(m: { held_on: string; makes_up_period: string | null }): number[] {
  const years = new Set([Number(m.held_on.slice(0, 4))]);
  const p = m.makes_up_period ? periodByKey(m.makes_up_period) : null;
  if (p) years.add(p.year);
  return [...years];
}
