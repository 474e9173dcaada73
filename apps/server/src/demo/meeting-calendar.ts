import { addMonths } from '@tongxin/contracts';

// Month arithmetic for the demo's year of meetings (months as YYYY-MM).

/** The `count` months up to and including today's, oldest first. */
export function monthsBack(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(today.slice(0, 7), i - (count - 1)));
}

/** Whole calendar quarters among the months (a partial first quarter is left out). */
export function quartersOf(months: string[]): string[][] {
  const out: string[][] = [];
  for (const m of months) {
    if ((Number(m.slice(5, 7)) - 1) % 3 !== 0) continue;
    out.push([m, addMonths(m, 1), addMonths(m, 2)]);
  }
  return out;
}

/** A founding date in the middle of a quarter some months back, for the "new branch" of the demo. */
export function foundMidYear(today: string): string {
  const months = monthsBack(today, 7);
  const m = months.find((x) => (Number(x.slice(5, 7)) - 1) % 3 === 1) ?? months[0]!;
  return `${m}-15`;
}
