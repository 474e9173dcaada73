import { type MeetingKind, monthBit, periodByKey } from '@tongxin/contracts';
import type { Trx } from '../../platform/db/connect.js';
import type { Meeting } from './meeting.repository.js';
import { heldMeetingsForTally, type MeetingYearRow, saveMeetingYear } from './meeting-year.repository.js';

/**
 * Keeps meeting_year true for one branch, kind and year (that kind's two columns of the branch's row): recomputed from the meetings after every change
 * (an indexed read of at most a year of one kind's meetings). A meeting held in a month sets that month's
 * bit; a meeting marked 补开 sets, in the made-up period's year, the bit of that period's first month.
 */
export async function retally(trx: Trx, branchId: string, kind: MeetingKind, year: number): Promise<void> {
  const rows = await heldMeetingsForTally(trx, branchId, kind, year);
  await saveMeetingYear(trx, branchId, year, kind, tallyMasks(rows, year));
}

/**
 * One year's masks from the held meetings of a branch and kind (those held that year, and makeups held up to a
 * year later): a month held sets its bit; a 补开 sets the bit of the first month of the period it makes up.
 */
export function tallyMasks(rows: readonly Pick<Meeting, 'heldOn' | 'makesUpPeriod'>[], year: number) {
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
  return { held, madeUp };
}

/**
 * The rollup rows of many meetings at once (the demo writes a year of them in one go): per branch and year,
 * every kind's masks, computed by the same rule as `retally` from the same meetings it would read.
 */
export function tallyAll(meetings: readonly Meeting[]): MeetingYearRow[] {
  const held = meetings.filter((m) => m.status === 'held');
  const groups = new Map<string, Meeting[]>();
  for (const m of held) {
    const key = `${m.branchId}|${m.kind}`;
    const list = groups.get(key) ?? [];
    list.push(m);
    groups.set(key, list);
  }
  const rows = new Map<string, MeetingYearRow>();
  for (const [key, list] of groups) {
    const [branchId, kind] = key.split('|') as [string, MeetingKind];
    for (const year of new Set(list.flatMap((m) => tallyYears(m)))) {
      const inReach = list.filter((m) => m.heldOn >= `${year}-01-01` && m.heldOn <= `${year + 1}-12-31`);
      const row = rows.get(`${branchId}|${year}`) ?? { branchId, year, held: {}, madeUp: {} };
      const masks = tallyMasks(inReach, year);
      row.held[kind] = masks.held;
      row.madeUp[kind] = masks.madeUp;
      rows.set(`${branchId}|${year}`, row);
    }
  }
  return [...rows.values()];
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
