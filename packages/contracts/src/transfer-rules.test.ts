import { describe, expect, it } from 'vitest';
import { addMonthsToDate, checkLetterDates, TRANSFER_RULES, transferDates, transferFlags } from './transfer-rules.js';

describe('addMonthsToDate', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonthsToDate('2026-03-15', 3)).toBe('2026-06-15');
    expect(addMonthsToDate('2026-11-30', 3)).toBe('2027-02-28');
  });
  it('falls on the last day of a shorter month', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
  });
  it('crosses the year', () => {
    expect(addMonthsToDate('2026-12-31', 1)).toBe('2027-01-31');
    expect(addMonthsToDate('2026-10-01', 3)).toBe('2027-01-01');
  });
});

describe('transferDates', () => {
  it('gives 3 months of validity within a province and a receipt due 1 month after issue', () => {
    expect(TRANSFER_RULES).toEqual({ validityMonths: 3, crossProvinceValidityMonths: 6, receiptMonths: 1 });
    expect(transferDates('2026-01-31', false)).toEqual({ validUntil: '2026-04-30', receiptDue: '2026-02-28' });
  });
  it('gives 6 months across provinces; the receipt is still due in 1 month', () => {
    expect(transferDates('2026-08-31', true)).toEqual({ validUntil: '2027-02-28', receiptDue: '2026-09-30' });
    expect(transferDates('2027-08-31', true)).toEqual({ validUntil: '2028-02-29', receiptDue: '2027-09-30' });
  });
});

describe('checkLetterDates', () => {
  const today = '2026-03-10';
  it('accepts the rule dates and a shortened validity', () => {
    expect(checkLetterDates('2026-03-01', '2026-06-01', false, today)).toEqual([]);
    expect(checkLetterDates('2026-03-01', '2026-04-01', false, today)).toEqual([]);
    expect(checkLetterDates('2026-03-01', '2026-09-01', true, today)).toEqual([]);
  });
  it('refuses a validity beyond the rule, naming the limit', () => {
    const [issue] = checkLetterDates('2026-03-01', '2026-06-02', false, today);
    expect(issue).toEqual({ field: 'validUntil', message: '有效期最长3个月，应不晚于 2026-06-01' });
    expect(checkLetterDates('2026-03-01', '2026-09-02', true, today)[0]?.message).toBe(
      '有效期最长6个月（跨省），应不晚于 2026-09-01',
    );
  });
  it('refuses a letter issued in the future, a validity ending before issue, and an expired letter', () => {
    expect(checkLetterDates('2026-03-11', '2026-05-01', false, today).map((i) => i.field)).toEqual(['issuedOn']);
    expect(checkLetterDates('2026-03-01', '2026-03-01', false, today)[0]?.message).toBe('有效期至应晚于开具日期');
    expect(checkLetterDates('2026-01-01', '2026-03-09', false, today)[0]?.message).toBe('介绍信已过有效期，请重新开具');
  });
  it('still accepts a letter whose last valid day is today', () => {
    expect(checkLetterDates('2025-12-10', '2026-03-10', false, today)).toEqual([]);
  });
});

describe('transferFlags', () => {
  const t = { validUntil: '2026-06-01', receiptDue: '2026-04-01' };
  it('flags nothing on or before the due dates', () => {
    expect(transferFlags({ ...t, status: 'pending' }, '2026-04-01')).toEqual({ expired: false, receiptOverdue: false });
  });
  it('flags a pending transfer after the receipt is due, then after the letter expires', () => {
    expect(transferFlags({ ...t, status: 'pending' }, '2026-04-02')).toEqual({ expired: false, receiptOverdue: true });
    expect(transferFlags({ ...t, status: 'pending' }, '2026-06-02')).toEqual({ expired: true, receiptOverdue: true });
  });
  it('never flags a settled transfer', () => {
    for (const status of ['accepted', 'rejected', 'cancelled'] as const) {
      expect(transferFlags({ ...t, status }, '2027-01-01')).toEqual({ expired: false, receiptOverdue: false });
    }
  });
});
