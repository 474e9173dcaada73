import { type MeetingKind, monthBit, periodByKey } from '@tongxin/contracts';
import type { Trx } from '../../platform/db/connect.js';
import { heldMeetingsForTally, type Meeting, saveMeetingYear } from './meeting.repository.js';

/**
 * Keeps meeting_year true for one branch, kind and year (that kind's two columns of the branch's row): recomputed from the meetings after every change
 * (an indexed read of at most a year of one kind's meetings). A meeting held in a month sets that month's
 * bit; a meeting marked 补开 sets, in the made-up period's year, the bit of that period's first month.
 */
export async function retally(trx: Trx, branchId: string, kind: MeetingKind, year: number): Promise<void> {
  const rows = await heldMeetingsForTally(trx, branchId, kind, year);
  let held = 0;
  let madeUp = 0;
  for (const r of rows) {
    if (r.makesUpPeriod) {
      const p = periodByKey(r.makesUpPeriod);
      if (p && p.year === year) madeUp |= monthBit(p.months[0]!);
    } else if (r.heldOn.startsWith(`${year}-`)) {
      held |= monthBit(Number(r.heldOn.slice(5, 7)));
    }
  }
  await saveMeetingYear(trx, branchId, year, kind, { held, madeUp });
}

/** The years a meeting touches in the rollup: the year it was held in and the year of the period it makes up. */
export function tallyYears(m: Pick<Meeting, 'heldOn' | 'makesUpPeriod'>): number[] {
  const years = new Set([Number(m.heldOn.slice(0, 4))]);
  const p = m.makesUpPeriod ? periodByKey(m.makesUpPeriod) : null;
  if (p) years.add(p.year);
  return [...years];
}

/** Re-tallies the rollup rows the meetings were and are counted in (both sides of an edit; every meeting written). */
export async function retallyMeetings(trx: Trx, meetings: readonly (Meeting | undefined)[]): Promise<void> {
  const keys = new Set<string>();
  for (const m of meetings) {
    if (!m) continue;
    for (const y of tallyYears(m)) keys.add(`${m.branchId}|${m.kind}|${y}`);
  }
  for (const key of keys) {
    const [branchId, kind, year] = key.split('|') as [string, MeetingKind, string];
    await retally(trx, branchId, kind, Number(year));
  }
}
