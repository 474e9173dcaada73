import { describe, expect, it } from 'vitest';
import {
  COVERAGE_RULE_VERSIONS,
  type CoverageRuleSet,
  coverageRulesOn,
  describeScope,
  inCoverageScope,
  nextVisitDue,
  rateInPermille,
  recentContactSince,
} from './enterprise-rules.js';

const rules = coverageRulesOn('2026-11-26');

describe('coverage scope (统计范围)', () => {
  it.each([
    [true, 10, 'operating', true],
    [true, 9, 'operating', false],
    [true, null, 'operating', false],
    [false, 500, 'operating', false],
    [true, 500, 'suspended', false],
    [true, 500, 'deregistered', false],
    [true, 11, 'operating', true],
  ] as const)('fixed premises %s, %s employees, %s → %s', (hasFixedPremises, employeeCount, operatingStatus, expected) => {
    expect(inCoverageScope({ hasFixedPremises, employeeCount, operatingStatus }, rules)).toBe(expected);
  });

  it('follows a configured rule set', () => {
    const loose: CoverageRuleSet = { ...rules, scope: { fixedPremises: false, minEmployees: 1, operatingOnly: false } };
    expect(inCoverageScope({ hasFixedPremises: false, employeeCount: 1, operatingStatus: 'suspended' }, loose)).toBe(true);
    expect(describeScope(loose)).toBe('从业人数1人以上');
    expect(describeScope(rules)).toBe('在营、有固定经营场所、从业人数10人以上');
  });

  it('picks the version in force on the day', () => {
    const versions: CoverageRuleSet[] = [
      ...COVERAGE_RULE_VERSIONS,
      { ...rules, effectiveFrom: '2027-01-01', visitEveryMonths: 2 },
    ];
    expect(coverageRulesOn('2026-12-31', versions).visitEveryMonths).toBe(3);
    expect(coverageRulesOn('2027-01-01', versions).visitEveryMonths).toBe(2);
    expect(coverageRulesOn('2000-01-01', versions).visitEveryMonths).toBe(3);
  });
});

describe('rates', () => {
  it.each([
    [2, 3, 667],
    [1, 3, 333],
    [0, 5, 0],
    [5, 5, 1000],
    [1, 8, 125],
    [1, 16, 63],
    [0, 0, null],
  ])('%i of %i → %s‰', (part, whole, expected) => {
    expect(rateInPermille(part, whole)).toBe(expected);
  });
});

describe('visit cadence (once a quarter)', () => {
  it.each([
    ['2026-11-26', '2026-08-26'],
    ['2026-05-31', '2026-02-28'],
    ['2026-01-15', '2025-10-15'],
  ])('on %s a contact since %s is recent', (today, since) => {
    expect(recentContactSince(today, rules)).toBe(since);
  });

  it.each([
    [null, '2026-03-01', '2026-06-01'],
    ['2026-04-10', '2026-03-01', '2026-07-10'],
    // A contact before the assignment began (someone else's) does not count for the new instructor.
    ['2026-02-10', '2026-03-01', '2026-06-01'],
    ['2025-11-30', '2025-01-01', '2026-02-28'],
  ])('last contact %s, assigned from %s → due %s', (last, from, due) => {
    expect(nextVisitDue(last, from, rules)).toBe(due);
  });
});
