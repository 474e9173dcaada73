import { describe, expect, it } from 'vitest';
import { daysBetween, orgWarnings, termEnd } from './org-rules.js';

describe('termEnd', () => {
  it.each([
    ['2023-05-10', 3, '2026-05-09'],
    ['2024-01-01', 3, '2026-12-31'],
    ['2024-02-29', 3, '2027-02-27'],
    ['2024-03-01', 5, '2029-02-28'],
    ['2025-12-31', 1, '2026-12-30'],
  ])('a term from %s of %i years ends on %s', (start, years, end) => {
    expect(termEnd(start, years)).toBe(end);
  });
});

describe('orgWarnings (DOMAIN.md organisations)', () => {
  const base = { kind: 'branch' as const, committeeSize: null, termEnd: null, today: '2026-06-01' };
  const codes = (input: Partial<Parameters<typeof orgWarnings>[0]> & { fullMembers: number }) =>
    orgWarnings({ ...base, ...input }).map((w) => w.code);

  it('a branch needs 3 full members', () => {
    expect(codes({ fullMembers: 2 })).toEqual(['too_few_members']);
    expect(codes({ fullMembers: 3 })).toEqual([]);
  });
  it('7 or more full members need a committee of 3 to 7', () => {
    expect(codes({ fullMembers: 6, committeeSize: 1 })).toEqual([]);
    expect(codes({ fullMembers: 7, committeeSize: 1 })).toEqual(['committee_required']);
    expect(codes({ fullMembers: 7, committeeSize: 3 })).toEqual([]);
    expect(codes({ fullMembers: 7, committeeSize: 7 })).toEqual([]);
    expect(codes({ fullMembers: 7, committeeSize: 8 })).toEqual(['committee_required']);
  });
  it('50 or more suggest a general branch, but not for a general branch', () => {
    expect(codes({ fullMembers: 50, committeeSize: 5 })).toEqual(['general_branch_suggested']);
    expect(codes({ fullMembers: 49, committeeSize: 5 })).toEqual([]);
    expect(codes({ kind: 'general_branch', fullMembers: 60, committeeSize: 5 })).toEqual([]);
  });
  it('reminds 90 days before the term ends and flags an expired term', () => {
    expect(codes({ fullMembers: 5, termEnd: '2026-08-30' })).toEqual(['term_ending']);
    expect(codes({ fullMembers: 5, termEnd: '2026-08-31' })).toEqual([]);
    expect(codes({ fullMembers: 5, termEnd: '2026-05-31' })).toEqual(['term_expired']);
  });
  it('says nothing about committees and groups of the upper levels', () => {
    expect(codes({ kind: 'committee', fullMembers: 0 })).toEqual([]);
    expect(codes({ kind: 'group', fullMembers: 0 })).toEqual([]);
  });
  it('counts days across a leap day', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});
