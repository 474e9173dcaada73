import { describe, expect, it } from 'vitest';
import {
  type AppraisalEntryFacts,
  appraisalRulesFor,
  closeIssues,
  entryIssue,
  excellentIssue,
  maxExcellent,
} from './appraisal-rules.js';

const rules = appraisalRulesFor(2026);

describe('maxExcellent: at most 1/3 of the graded members, rounded down', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [8, 2],
    [9, 3],
    [10, 3],
    [12, 4],
    [50, 16],
    [51, 17],
  ])('%i graded → at most %i excellent', (graded, max) => {
    expect(maxExcellent(graded, rules)).toBe(max);
  });
  it('refuses counts that cannot happen', () => {
    expect(() => maxExcellent(-1, rules)).toThrow(RangeError);
    expect(() => maxExcellent(2.5, rules)).toThrow(RangeError);
  });
});

describe('excellentIssue at the 1/3 boundary', () => {
  it.each([
    // excellent, graded, allowed
    [3, 9, true], // exactly a third
    [4, 9, false],
    [3, 10, true],
    [4, 10, false], // 4/10 > 1/3
    [3, 11, true],
    [4, 12, true], // exactly a third again
    [5, 12, false],
    [1, 3, true],
    [1, 2, false], // 1/2 > 1/3
    [0, 0, true],
  ])('%i excellent of %i graded → allowed %s', (excellent, graded, allowed) => {
    const issue = excellentIssue(excellent, graded, rules);
    expect(issue === null).toBe(allowed);
    if (!allowed) expect(issue).toContain(`优秀最多${maxExcellent(graded, rules)}人`);
  });
});

const full = (grade: AppraisalEntryFacts['grade'], committeeOpinion: string | null = null): AppraisalEntryFacts => ({
  memberStatus: 'full',
  grade,
  committeeOpinion,
});
const probationary = (grade: AppraisalEntryFacts['grade'] = null): AppraisalEntryFacts => ({
  memberStatus: 'probationary',
  grade,
  committeeOpinion: null,
});

describe('entryIssue', () => {
  it.each([
    ['probationary without a grade', probationary(), null],
    ['probationary with a grade', probationary('qualified'), 'grade'],
    ['full, qualified', full('qualified'), null],
    ['full, excellent', full('excellent'), null],
    ['full, basically qualified without opinion', full('basically_qualified'), 'committeeOpinion'],
    ['full, unqualified with blank opinion', full('unqualified', '  '), 'committeeOpinion'],
    ['full, unqualified with opinion', full('unqualified', '长期不参加组织生活'), null],
    ['full, not graded yet', full(null), null],
  ])('%s', (_name, facts, field) => {
    expect(entryIssue(facts, rules)?.field ?? null).toBe(field);
  });
});

describe('closeIssues', () => {
  it('closes when every full member is graded within the cap; probationary members are not counted', () => {
    expect(closeIssues([full('excellent'), full('qualified'), full('qualified'), probationary()], rules)).toEqual([]);
  });
  it('counts the ungraded full members', () => {
    expect(closeIssues([full('qualified'), full(null), full(null), probationary()], rules)).toEqual([
      '还有2名正式党员未评定等次',
    ]);
  });
  it('enforces the cap over full members only (probationary members do not raise it)', () => {
    const issues = closeIssues([full('excellent'), full('qualified'), probationary(), probationary(), probationary()], rules);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toContain('优秀最多0人');
  });
  it('needs someone to grade', () => {
    expect(closeIssues([probationary()], rules)).toEqual(['没有需要评定等次的正式党员']);
  });
});
