import { describe, expect, it } from 'vitest';
import {
  addToBeijingDate,
  beijingDate,
  beijingDateRange,
  beijingDateTime,
  beijingInstantRange,
  beijingMonth,
  beijingYear,
  instantOfBeijing,
} from './time.js';

describe('Beijing dates of UTC instants, at the 16:00Z day edge', () => {
  it.each([
    ['2026-03-31T15:59:59.999Z', '2026-03-31', '2026-03-31 23:59', '2026-03', 2026],
    ['2026-03-31T16:00:00.000Z', '2026-04-01', '2026-04-01 00:00', '2026-04', 2026],
    ['2026-06-30T15:59:00Z', '2026-06-30', '2026-06-30 23:59', '2026-06', 2026],
    ['2026-06-30T16:00:00Z', '2026-07-01', '2026-07-01 00:00', '2026-07', 2026],
    ['2026-12-31T15:59:59Z', '2026-12-31', '2026-12-31 23:59', '2026-12', 2026],
    ['2026-12-31T16:00:00Z', '2027-01-01', '2027-01-01 00:00', '2027-01', 2027],
    ['2028-02-28T16:00:00Z', '2028-02-29', '2028-02-29 00:00', '2028-02', 2028],
    ['2026-03-01T00:00:00Z', '2026-03-01', '2026-03-01 08:00', '2026-03', 2026],
  ])('%s → %s', (instant, date, dateTime, month, year) => {
    expect(beijingDate(instant)).toBe(date);
    expect(beijingDate(new Date(instant))).toBe(date);
    expect(beijingDate(Date.parse(instant))).toBe(date);
    expect(beijingDateTime(instant)).toBe(dateTime);
    expect(beijingMonth(instant)).toBe(month);
    expect(beijingYear(instant)).toBe(year);
  });

  it('with seconds, and an instant with an offset of its own', () => {
    expect(beijingDateTime('2026-03-31T16:00:07Z', true)).toBe('2026-04-01 00:00:07');
    expect(beijingDate('2026-04-01T00:30:00+08:00')).toBe('2026-04-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => beijingDate('not a date')).toThrow(RangeError);
  });
});

describe('UTC instants of Beijing wall-clock times', () => {
  it.each([
    ['2026-04-01', '00:00', '2026-03-31T16:00:00.000Z'],
    ['2026-03-31', '23:59', '2026-03-31T15:59:00.000Z'],
    ['2027-01-01', '08:30', '2027-01-01T00:30:00.000Z'],
    ['2026-07-01', '14:30:15', '2026-07-01T06:30:15.000Z'],
  ])('%s %s → %s', (date, time, instant) => {
    expect(instantOfBeijing(date, time)).toBe(instant);
    expect(beijingDate(instantOfBeijing(date, time))).toBe(date);
  });

  it('midnight by default; a bad time is refused', () => {
    expect(instantOfBeijing('2026-01-01')).toBe('2025-12-31T16:00:00.000Z');
    expect(() => instantOfBeijing('2026-01-01', '9:30')).toThrow(RangeError);
  });
});

describe('day, month, quarter and year boundaries', () => {
  it.each([
    ['2026-03-31', 'day', '2026-03-31', '2026-03-31', '2026-03-30T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-02-14', 'month', '2026-02-01', '2026-02-28', '2026-01-31T16:00:00.000Z', '2026-02-28T16:00:00.000Z'],
    ['2028-02-14', 'month', '2028-02-01', '2028-02-29', '2028-01-31T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
    ['2026-01-01', 'quarter', '2026-01-01', '2026-03-31', '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-03-31', 'quarter', '2026-01-01', '2026-03-31', '2025-12-31T16:00:00.000Z', '2026-03-31T16:00:00.000Z'],
    ['2026-04-01', 'quarter', '2026-04-01', '2026-06-30', '2026-03-31T16:00:00.000Z', '2026-06-30T16:00:00.000Z'],
    ['2026-09-30', 'quarter', '2026-07-01', '2026-09-30', '2026-06-30T16:00:00.000Z', '2026-09-30T16:00:00.000Z'],
    ['2026-12-31', 'quarter', '2026-10-01', '2026-12-31', '2026-09-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2026-12-31', 'year', '2026-01-01', '2026-12-31', '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    ['2027-01-01', 'year', '2027-01-01', '2027-12-31', '2026-12-31T16:00:00.000Z', '2027-12-31T16:00:00.000Z'],
  ] as const)('%s, %s → %s … %s', (date, unit, first, last, from, until) => {
    expect(beijingDateRange(date, unit)).toEqual({ first, last });
    expect(beijingInstantRange(date, unit)).toEqual({ from, until });
  });

  it('the instant at 16:00Z on the last day of a quarter falls in the next quarter', () => {
    const q1 = beijingInstantRange('2026-02-10', 'quarter');
    const edge = '2026-03-31T16:00:00.000Z';
    expect(edge >= q1.from && edge < q1.until).toBe(false);
    expect(beijingDateRange(beijingDate(edge), 'quarter').first).toBe('2026-04-01');
  });

  it.each([
    ['2026-01-31', 1, 'month', '2026-02-28'],
    ['2026-11-15', 1, 'quarter', '2027-02-15'],
    ['2026-03-01', -1, 'day', '2026-02-28'],
    ['2028-02-29', 1, 'year', '2029-02-28'],
  ] as const)('%s %+i %s → %s', (date, count, unit, expected) => {
    expect(addToBeijingDate(date, count, unit)).toBe(expected);
  });
});
