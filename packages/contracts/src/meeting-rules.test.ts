import { describe, expect, it } from 'vitest';
import {
  beijingDay,
  type ComplianceInput,
  complianceOf,
  DEFAULT_FREQUENCIES,
  frequencyFor,
  MEETING_KINDS,
  makeUpProblem,
  monthBit,
  periodByKey,
  periodOf,
  statusOf,
} from './meeting-rules.js';

const bits = (...months: number[]) => months.reduce((b, m) => b | monthBit(m), 0);
const base: ComplianceInput = {
  year: 2026,
  frequency: 'quarter',
  heldMonths: 0,
  madeUpMonths: 0,
  required: true,
  measuredFrom: '2020-01-01',
  today: '2026-11-26',
};

describe('Beijing days and periods', () => {
  it.each([
    // A meeting at 23:30 Beijing time on the last day of a quarter is stored as 15:30Z and counts for that quarter.
    ['2026-03-31T15:30:00.000Z', '2026-03-31', '2026-Q1'],
    ['2026-03-31T16:00:00.000Z', '2026-04-01', '2026-Q2'],
    ['2026-06-30T15:59:59.000Z', '2026-06-30', '2026-Q2'],
    ['2026-09-30T16:30:00.000Z', '2026-10-01', '2026-Q4'],
    ['2025-12-31T15:30:00.000Z', '2025-12-31', '2025-Q4'],
    ['2025-12-31T16:00:00.000Z', '2026-01-01', '2026-Q1'],
  ])('%s is %s in Beijing, in %s', (instant, day, quarter) => {
    expect(beijingDay(instant)).toBe(day);
    expect(periodOf(beijingDay(instant), 'quarter').key).toBe(quarter);
  });

  it.each([
    ['2026-01-01', 'month', '2026-01', '2026-01-01', '2026-01-31'],
    ['2026-02-28', 'month', '2026-02', '2026-02-01', '2026-02-28'],
    ['2028-02-29', 'month', '2028-02', '2028-02-01', '2028-02-29'],
    ['2026-03-31', 'quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'quarter', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-09-30', 'quarter', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-12-31', 'quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-07-15', 'year', '2026', '2026-01-01', '2026-12-31'],
  ] as const)('%s in a %s period is %s (%s … %s)', (date, frequency, key, start, end) => {
    const p = periodOf(date, frequency);
    expect([p.key, p.start, p.end]).toEqual([key, start, end]);
    expect(periodByKey(key)).toEqual(p);
  });

  it('refuses keys that name no period', () => {
    for (const k of ['2026-13', '2026-00', '2026-Q5', '26', '2026-1', 'x']) expect(periodByKey(k)).toBeNull();
  });
});

describe('frequencies are data: defaults from DOMAIN.md, city overrides from a year on', () => {
  it.each([
    ['general_meeting', 'quarter'],
    ['committee_meeting', 'month'],
    ['group_meeting', 'month'],
    ['party_lecture', 'quarter'],
    ['theme_day', 'month'],
    ['life_meeting', 'year'],
  ] as const)('%s defaults to once a %s', (kind, f) => {
    expect(DEFAULT_FREQUENCIES[kind]).toBe(f);
    expect(frequencyFor(kind, 2026, [])).toBe(f);
  });

  it('applies the latest override from that year or before', () => {
    const overrides = [
      { kind: 'party_lecture', fromYear: 2025, frequency: 'month' },
      { kind: 'party_lecture', fromYear: 2027, frequency: 'year' },
      { kind: 'theme_day', fromYear: 2020, frequency: 'quarter' },
    ] as const;
    expect(frequencyFor('party_lecture', 2024, overrides)).toBe('quarter');
    expect(frequencyFor('party_lecture', 2025, overrides)).toBe('month');
    expect(frequencyFor('party_lecture', 2026, overrides)).toBe('month');
    expect(frequencyFor('party_lecture', 2027, overrides)).toBe('year');
    expect(frequencyFor('theme_day', 2026, overrides)).toBe('quarter');
    expect(frequencyFor('general_meeting', 2026, overrides)).toBe('quarter');
  });
});

describe('compliance of one branch, kind and period', () => {
  // Every kind under its default frequency: a meeting in the last month of each period is on time; none is missing.
  it.each(MEETING_KINDS.map((k) => [k, DEFAULT_FREQUENCIES[k]] as const))(
    '%s (%s): held in a period → on time; nothing → missing after its end, due while it runs',
    (_kind, frequency) => {
      const today = '2026-11-26';
      const none = complianceOf({ ...base, frequency, today });
      for (const { period, status } of none) {
        const expected = today > period.end ? 'missing' : today >= period.start ? 'due' : 'upcoming';
        expect(status, period.key).toBe(expected);
      }
      const lastMonths = none.map(({ period }) => period.months[period.months.length - 1]!);
      const held = complianceOf({ ...base, frequency, today, heldMonths: bits(...lastMonths) });
      expect(held.every((c) => c.status === 'on_time')).toBe(true);
    },
  );

  it.each([
    // quarter boundaries: March counts for Q1 only, April for Q2 only
    ['March meeting, Q1', 'quarter', bits(3), 0, '2026-Q1', 'on_time'],
    ['March meeting, Q2', 'quarter', bits(3), 0, '2026-Q2', 'missing'],
    ['April meeting, Q1', 'quarter', bits(4), 0, '2026-Q1', 'missing'],
    ['April meeting, Q2', 'quarter', bits(4), 0, '2026-Q2', 'on_time'],
    ['December meeting, Q4 (today in Q4)', 'quarter', bits(12), 0, '2026-Q4', 'on_time'],
    ['nothing, Q4 still running', 'quarter', 0, 0, '2026-Q4', 'due'],
    ['Q1 made up later', 'quarter', 0, bits(1), '2026-Q1', 'made_up'],
    ['Q2 made up (bit of its first month)', 'quarter', 0, bits(4), '2026-Q2', 'made_up'],
    ['Q2 makeup bit in May does not count', 'quarter', 0, bits(5), '2026-Q2', 'missing'],
    ['on time beats a makeup', 'quarter', bits(2), bits(1), '2026-Q1', 'on_time'],
    ['monthly: October missing', 'month', bits(9, 11), 0, '2026-10', 'missing'],
    ['monthly: November running', 'month', 0, 0, '2026-11', 'due'],
    ['monthly: December upcoming', 'month', 0, 0, '2026-12', 'upcoming'],
    ['yearly: held in December', 'year', bits(12), 0, '2026', 'on_time'],
    ['yearly: none yet this year', 'year', 0, 0, '2026', 'due'],
  ] as const)('%s → %s', (_what, frequency, heldMonths, madeUpMonths, key, expected) => {
    const period = periodByKey(key)!;
    expect(statusOf({ ...base, frequency, heldMonths, madeUpMonths }, period)).toBe(expected);
  });

  it.each([
    // a branch created mid-quarter is first asked for the next full quarter
    ['created 2026-02-15: Q1 not asked', '2026-02-15', '2026-Q1', 0, 'not_required'],
    ['created 2026-02-15: Q2 asked', '2026-02-15', '2026-Q2', 0, 'missing'],
    ['created 2026-02-15 and met in March anyway', '2026-02-15', '2026-Q1', bits(3), 'on_time'],
    ['created on the first day of Q2: Q2 asked', '2026-04-01', '2026-Q2', 0, 'missing'],
    ['created on the last day of Q2: Q2 not asked', '2026-06-30', '2026-Q2', 0, 'not_required'],
    ['created 2026-06-30: Q3 asked', '2026-06-30', '2026-Q3', 0, 'missing'],
    ['created next year: nothing this year', '2027-01-01', '2026-Q4', 0, 'not_required'],
  ] as const)('%s', (_what, measuredFrom, key, heldMonths, expected) => {
    expect(statusOf({ ...base, measuredFrom, heldMonths }, periodByKey(key)!)).toBe(expected);
  });

  it('a branch without groups is not asked for group meetings', () => {
    const r = complianceOf({ ...base, frequency: 'month', required: false });
    expect(r.every((c) => c.status === 'not_required')).toBe(true);
  });

  it('the period rolls over exactly at Beijing midnight: today = last day of the quarter → still due', () => {
    const q1 = periodByKey('2026-Q1')!;
    expect(statusOf({ ...base, today: '2026-03-31' }, q1)).toBe('due');
    expect(statusOf({ ...base, today: '2026-04-01' }, q1)).toBe('missing');
    expect(statusOf({ ...base, today: beijingDay('2026-03-31T15:59:00Z') }, q1)).toBe('due');
    expect(statusOf({ ...base, today: beijingDay('2026-03-31T16:00:00Z') }, q1)).toBe('missing');
  });
});

describe('补开 (making up a missed period)', () => {
  it.each([
    ['2026-Q1', 'quarter', '2026-04-10', null],
    ['2026-Q1', 'quarter', '2026-03-31', '不是补开'],
    ['2026-Q2', 'quarter', '2026-04-10', '不是补开'],
    ['2026-03', 'quarter', '2026-04-10', '期次'],
    ['2026-03', 'month', '2026-04-01', null],
    ['2025', 'year', '2026-01-05', null],
    ['2026-Q5', 'quarter', '2026-12-01', '期次'],
  ] as const)('%s (%s) made up on %s', (key, frequency, heldOn, problem) => {
    const r = makeUpProblem(key, frequency, heldOn);
    if (problem === null) expect(r).toBeNull();
    else expect(r).toContain(problem);
  });
});
