import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from './id-number.js';
import { type LedgerMemberFacts, memberFindings, orgFinding } from './ledger-check-rules.js';
import { orgWarnings } from './org-rules.js';

const TODAY = '2026-03-01';
const id = (birth: string, seq = '123') => {
  const first17 = `510502${birth.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
};
const clean: LedgerMemberFacts = {
  idNumber: id('1990-05-17'),
  idNumberMasked: '510***********0000',
  birthDate: '1990-05-17',
  gender: 'male',
  ethnicity: '汉族',
  education: 'bachelor',
  hasPhone: true,
  joinedOn: '2015-06-30',
  fullOn: '2016-07-01',
  status: 'full',
};
const kinds = (f: Partial<LedgerMemberFacts>) => memberFindings({ ...clean, ...f }, TODAY).map((x) => x.kind);

describe('memberFindings', () => {
  it('finds nothing in a consistent record', () => {
    expect(memberFindings(clean, TODAY)).toEqual([]);
  });

  it('reports a bad check digit with the masked number only', () => {
    const number = id('1990-05-17');
    const bad = number.slice(0, 17) + (number[17] === '0' ? '1' : '0');
    const [finding, ...rest] = memberFindings({ ...clean, idNumber: bad, idNumberMasked: 'MASKED' }, TODAY);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'id_invalid', severity: 'severe' });
    expect(finding!.message).toContain('MASKED');
    expect(finding!.message).toContain('校验位');
    expect(finding!.message).not.toContain(bad);
  });

  it.each([
    ['5105021990051712', '18位'],
    [`51050219901332123${idNumberCheckChar('51050219901332123')}`, '出生日期无效'],
    [id('2027-01-01'), '晚于今天'],
  ])('reports the malformed number %s', (number, words) => {
    const findings = memberFindings({ ...clean, idNumber: number }, TODAY);
    expect(findings.find((f) => f.kind === 'id_invalid')?.message).toContain(words);
  });

  it('reports an ID that disagrees with the birth date and the gender, in one finding', () => {
    const findings = memberFindings({ ...clean, birthDate: '1990-05-18', gender: 'female' }, TODAY);
    expect(findings.map((f) => f.kind)).toEqual(['id_mismatch']);
    expect(findings[0]!.message).toContain('身份证号中为 1990-05-17');
    expect(findings[0]!.message).toContain('身份证号中为男');
  });

  it('reports joining before 18, by the record or (when it has none) by the ID', () => {
    expect(kinds({ joinedOn: '2008-05-16', fullOn: '2009-06-01' })).toEqual(['joined_under_age']);
    expect(kinds({ joinedOn: '2008-05-17', fullOn: '2009-06-01' })).toEqual([]);
    expect(kinds({ birthDate: null, joinedOn: '2008-05-16', fullOn: '2009-06-01' })).toEqual([
      'joined_under_age',
      'missing_basics',
    ]);
  });

  it('reports dates out of order or in the future, and a probationary member with a 转正时间', () => {
    expect(kinds({ fullOn: '2015-06-30' })).toEqual(['dates_out_of_order']);
    expect(kinds({ fullOn: '2026-03-02' })).toEqual(['dates_out_of_order']);
    expect(kinds({ status: 'probationary', joinedOn: '2026-04-01', fullOn: null })).toEqual(['dates_out_of_order']);
    expect(kinds({ status: 'probationary', joinedOn: '2025-06-01', fullOn: '2026-01-01' })).toEqual(['dates_out_of_order']);
  });

  it('reports a probation past one year, and past the longest extension as severe', () => {
    const probation = (joinedOn: string) =>
      memberFindings({ ...clean, status: 'probationary', joinedOn, fullOn: null }, TODAY).map((f) => [f.kind, f.severity]);
    expect(probation('2025-03-01')).toEqual([]);
    expect(probation('2025-02-28')).toEqual([['probation_overdue', 'warning']]);
    expect(probation('2024-03-01')).toEqual([['probation_overdue', 'warning']]);
    expect(probation('2024-02-29')).toEqual([['probation_overdue', 'severe']]);
  });

  it('reads an extended probation from member development', () => {
    const extended = (joinedOn: string, probationEndsOn: string) =>
      memberFindings({ ...clean, status: 'probationary', joinedOn, fullOn: null, probationEndsOn }, TODAY).map((f) => f.kind);
    // A year past, but extended by 6 months: not overdue until the extended end has passed.
    expect(extended('2025-02-28', '2025-08-28')).toEqual(['probation_overdue']);
    expect(extended('2025-02-28', '2026-08-28')).toEqual([]);
    expect(extended('2024-09-01', TODAY)).toEqual([]);
    expect(extended('2024-09-01', '2026-02-28')).toEqual(['probation_overdue']);
  });

  it('reports missing fields of old ledgers, naming each', () => {
    expect(kinds({ status: 'full', fullOn: null })).toEqual(['missing_full_on']);
    expect(kinds({ hasPhone: false })).toEqual(['missing_phone']);
    const [basics] = memberFindings({ ...clean, education: null, ethnicity: null }, TODAY);
    expect(basics).toMatchObject({ kind: 'missing_basics', severity: 'notice' });
    expect(basics!.message).toContain('民族、学历');
  });

  it('reports an unreadable sealed number as invalid, not as missing', () => {
    const findings = memberFindings({ ...clean, idNumber: null, idNumberUnreadable: true }, TODAY);
    expect(findings.map((f) => f.kind)).toEqual(['id_invalid']);
    expect(findings[0]!.message).toContain('无法解读');
  });
});

describe('orgFinding', () => {
  it('turns the set-up warnings into findings with advice, and leaves the term reminders out', () => {
    const warnings = orgWarnings({ kind: 'branch', fullMembers: 2, committeeSize: null, termEnd: '2026-01-01', today: TODAY });
    const findings = warnings.map(orgFinding);
    expect(findings.filter((f) => f !== null).map((f) => f!.kind)).toEqual(['org_too_few_members']);
    expect(findings[0]!.message).toContain('联合党支部');
    const big = orgWarnings({ kind: 'branch', fullMembers: 60, committeeSize: 2, termEnd: null, today: TODAY }).map(orgFinding);
    expect(big.map((f) => f?.kind)).toEqual(['org_committee', 'org_general_branch']);
  });
});
