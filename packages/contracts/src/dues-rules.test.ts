import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  applyRate,
  arrearsLevel,
  arrearsStart,
  checkDuesProfile,
  consecutiveUnpaid,
  DUES_RULE_VERSIONS,
  type DuesRuleSet,
  duesRulesFor,
  fenToYuanText,
  formatYuan,
  isLargePayment,
  monthlyDues,
  monthsBetween,
  parseYuan,
  paymentMonthIssue,
} from './dues-rules.js';

const rules = DUES_RULE_VERSIONS[0]!;
const yuan = (text: string) => parseYuan(text)!;

describe('monthly dues of employees (在职): a flat rate on the whole base, by bracket', () => {
  it.each([
    // base (元)   expected (元)  — rate
    ['0.01', '0.00'], //          0.5% of 1 fen = 0.005 fen → 0
    ['1.00', '0.01'], //          0.5% of 100 fen = 0.5 fen → rounds half up to 1 fen
    ['2000.00', '10.00'], //      0.5%
    ['2999.99', '15.00'], //      0.5% of 299,999 fen = 1,499.995 → 1,500
    ['3000.00', '15.00'], //      0.5% (≤3000 inclusive)
    ['3000.01', '30.00'], //      1% of 300,001 fen = 3,000.01 → 3,000
    ['4000.50', '40.01'], //      1% of 400,050 = 4,000.5 → 4,001 (half up)
    ['5000.00', '50.00'], //      1% (≤5000 inclusive)
    ['5000.01', '75.00'], //      1.5% of 500,001 = 7,500.015 → 7,500
    ['8000.00', '120.00'], //     1.5%
    ['10000.00', '150.00'], //    1.5% (≤10000 inclusive)
    ['10000.01', '200.00'], //    2% of 1,000,001 = 20,000.02 → 20,000
    ['12345.67', '246.91'], //    2% of 1,234,567 = 24,691.34 → 24,691
    ['20000.00', '400.00'], //    2%
  ])('base %s 元 → %s 元', (base, due) => {
    expect(monthlyDues({ category: 'employee', baseFen: yuan(base) }, rules)).toBe(yuan(due));
  });
});

describe('monthly dues of retirees (离退休)', () => {
  it.each([
    ['3000.00', '15.00'], //  0.5%
    ['5000.00', '25.00'], //  0.5% (≤5000 inclusive)
    ['5000.01', '50.00'], //  1% of 500,001 = 5,000.01 → 5,000
    ['6500.00', '65.00'], //  1%
    ['15000.00', '150.00'], // 1% (no higher bracket)
  ])('base %s 元 → %s 元', (base, due) => {
    expect(monthlyDues({ category: 'retiree', baseFen: yuan(base) }, rules)).toBe(yuan(due));
  });
});

describe('fixed amounts', () => {
  it.each(['student', 'unemployed', 'relief'] as const)('%s pays 0.20 元', (category) => {
    expect(monthlyDues({ category, baseFen: null }, rules)).toBe(20);
  });
  it('a farmer pays the default 0.20 元 or the amount the branch set between 0.20 and 1.00 元', () => {
    expect(monthlyDues({ category: 'farmer', baseFen: null }, rules)).toBe(20);
    expect(monthlyDues({ category: 'farmer', baseFen: null, fixedFen: 100 }, rules)).toBe(100);
    expect(checkDuesProfile({ category: 'farmer', baseFen: null, fixedFen: 100 }, rules)).toEqual([]);
    expect(checkDuesProfile({ category: 'farmer', baseFen: null, fixedFen: 101 }, rules)[0]?.field).toBe('fixedFen');
    expect(checkDuesProfile({ category: 'farmer', baseFen: null, fixedFen: 19 }, rules)[0]?.message).toBe(
      '农民党员每月缴纳¥0.20至¥1.00',
    );
  });
});

describe('rounding: half up to the fen', () => {
  it.each([
    [1, 50, 0], // 0.005 → 0
    [100, 50, 1], // 0.5 → 1
    [300, 50, 2], // 1.5 → 2
    [299, 50, 1], // 1.495 → 1
    [150, 100, 2], // 1.5 → 2
    [149, 100, 1], // 1.49 → 1
    [0, 200, 0],
  ])('%i fen × %i bp → %i fen', (base, bp, fen) => {
    expect(applyRate(base, bp)).toBe(fen);
  });
  it('equals the exact product rounded half up, for every base (checked with exact integer arithmetic)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom(50, 100, 150, 200), (base, bp) => {
        const exact = BigInt(base) * BigInt(bp);
        const expected = Number((exact + 5000n) / 10000n);
        expect(applyRate(base, bp)).toBe(expected);
      }),
    );
  });
  it('refuses fractions of a fen and negative amounts', () => {
    expect(() => applyRate(1.5, 50)).toThrow(RangeError);
    expect(() => applyRate(-1, 50)).toThrow(RangeError);
  });
});

describe('profile checks name their field', () => {
  it.each([
    [{ category: 'employee', baseFen: null }, 'baseFen', '在职党员须填写月收入基数'],
    [{ category: 'retiree', baseFen: 0 }, 'baseFen', '月收入基数须大于0，精确到分'],
    [{ category: 'employee', baseFen: 100_000_001 }, 'baseFen', '月收入基数不能超过¥1,000,000.00'],
    [{ category: 'student', baseFen: 500 }, 'baseFen', '学生党员按固定金额缴纳，不填月收入基数'],
    [{ category: 'employee', baseFen: 500_000, fixedFen: 50 }, 'fixedFen', '只有农民党员可以设置固定缴纳金额'],
  ] as const)('%o → %s', (profile, field, message) => {
    expect(checkDuesProfile(profile, rules)).toEqual([{ field, message }]);
  });
  it('a valid employee profile passes', () => {
    expect(checkDuesProfile({ category: 'employee', baseFen: 800_000 }, rules)).toEqual([]);
  });
});

describe('large payments (大额党费): a single payment of 1000 元 or more', () => {
  it.each([
    [99_999, false],
    [100_000, true],
    [250_000, true],
  ])('%i fen → %s', (fen, large) => {
    expect(isLargePayment(fen, rules)).toBe(large);
  });
});

describe('arrears', () => {
  const paid = (...months: string[]) => {
    const set = new Set(months);
    return (m: string) => set.has(m);
  };
  it.each([
    // sheet month, start, paid months, expected run — seen on 15 April 2026, so March has ended
    ['2026-03', '2020-01', ['2026-03'], 0],
    ['2026-03', '2020-01', ['2026-02'], 1],
    ['2026-03', '2020-01', ['2026-01'], 2],
    ['2026-03', '2020-01', ['2025-12'], 3],
    ['2026-03', '2020-01', ['2025-09'], 6],
    ['2026-03', '2026-02', [], 2], // counts from the start month only (probationary members pay from admission)
    ['2026-03', '2026-04', [], 0], // starts after the sheet month
    ['2026-03', '2020-01', [], 24], // bounded by the look-back
  ] as const)('on %s, started %s, paid %o → %i unpaid in a row', (month, start, months, n) => {
    expect(consecutiveUnpaid(month, '2026-04', start, paid(...months))).toBe(n);
  });
  it.each([
    // seen during March 2026: March is not over, so it is not yet unpaid
    ['2026-03', ['2025-12'], 2], // unpaid since January: 2 ended months behind, not 3
    ['2026-03', ['2026-02'], 0], // paid up to February: nothing behind yet
    ['2026-03', ['2026-03'], 0], // paid March already
    ['2026-03', ['2025-09'], 5],
    ['2026-02', ['2025-12'], 2], // an ended month's sheet counts up to that month
    ['2026-05', ['2025-12'], 2], // a later month's sheet: the open months do not count either
  ] as const)('in March 2026, the %s sheet, paid %o → %i unpaid in a row', (month, months, n) => {
    expect(consecutiveUnpaid(month, '2026-03', '2020-01', paid(...months))).toBe(n);
  });
  it('no start month (nothing to pay yet) → 0', () => {
    expect(consecutiveUnpaid('2026-03', '2026-04', null, () => false)).toBe(0);
  });
  it.each([
    // admission month, first profile month, arrears counted from
    ['2015-06', '2026-01', '2026-01'], // a profile set only in January: the months before it are not unpaid
    ['2026-02', '2020-01', '2026-02'], // a profile from before admission: from admission
    [null, '2025-07', '2025-07'], // no admission date on record: from the profile
    ['2015-06', null, null], // no profile yet: nothing owed
  ] as const)('admitted %s, first profile %s → counted from %s', (admission, profile, start) => {
    expect(arrearsStart(admission, profile)).toBe(start);
  });
  it.each([
    [0, 'none'],
    [2, 'none'],
    [3, 'warning'],
    [5, 'warning'],
    [6, 'lapse'],
    [12, 'lapse'],
  ] as const)('%i months unpaid → %s', (n, level) => {
    expect(arrearsLevel(n, rules)).toBe(level);
  });
  it.each([
    ['2026-03', null],
    ['2025-09', null], // 6 months back: may still be made up
    ['2025-08', '补缴党费最多补缴6个月（最早 2025-09）'],
    ['2026-04', '不能登记未来月份的党费'],
  ])('recording %s in 2026-03 → %s', (month, issue) => {
    expect(paymentMonthIssue(month, '2026-03', rules)).toBe(issue);
  });
});

describe('versioned rules', () => {
  const later: DuesRuleSet = { ...rules, effectiveFrom: '2030-01', fixedFen: 50 };
  const versions = [rules, later];
  it('picks the version in force in the month', () => {
    expect(duesRulesFor('2029-12', versions)).toBe(rules);
    expect(duesRulesFor('2030-01', versions)).toBe(later);
    expect(duesRulesFor('2031-06', versions)).toBe(later);
    expect(duesRulesFor('2001-01', versions)).toBe(rules);
    expect(monthlyDues({ category: 'student', baseFen: null }, duesRulesFor('2030-02', versions))).toBe(50);
  });
});

describe('months and money', () => {
  it.each([
    ['2026-01', -1, '2025-12'],
    ['2025-12', 1, '2026-01'],
    ['2026-03', -14, '2025-01'],
    ['2026-03', 0, '2026-03'],
  ] as const)('%s %+i → %s', (m, n, out) => {
    expect(addMonths(m, n)).toBe(out);
  });
  it('monthsBetween', () => {
    expect(monthsBetween('2025-09', '2026-03')).toBe(6);
    expect(monthsBetween('2026-03', '2025-09')).toBe(-6);
  });
  it.each([
    ['3000', 300_000],
    ['3,000.5', 300_050],
    ['¥3000.01', 300_001],
    [' 0.2 ', 20],
    ['1.234', null],
    ['-5', null],
    ['abc', null],
  ] as const)('parseYuan(%s) → %s', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });
  it('formats fen without floating point', () => {
    expect(formatYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(fenToYuanText(300_001)).toBe('3000.01');
    expect(fenToYuanText(20)).toBe('0.20');
  });
});
