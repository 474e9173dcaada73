import { describe, expect, it } from 'vitest';
import { voteOutcome } from './quorum.js';

describe('voteOutcome: more than half, of those entitled', () => {
  it.each([
    // entitled, present, inFavour, valid, passed
    [10, 5, 5, false, false], // exactly half present is not more than half
    [10, 6, 5, true, false], // passes needs > half of entitled (5 of 10 is not), not of present
    [10, 6, 6, true, true],
    [9, 5, 5, true, true], // 5 of 9 is more than half
    [9, 4, 4, false, false],
    [3, 2, 2, true, true],
    [1, 1, 1, true, true],
    [1, 0, 0, false, false],
    [10, 6, 8, true, true], // absentees' written opinions count towards the result
  ])('entitled %i, present %i, in favour %i → valid %s, passed %s', (entitled, present, inFavour, valid, passed) => {
    const outcome = voteOutcome({ entitled, present, inFavour });
    expect(outcome.valid).toBe(valid);
    expect(outcome.passed).toBe(passed);
    expect(outcome.reason).toMatch(valid ? /半数，(未)?通过/ : /无效|不能表决/);
  });

  it('refuses counts that cannot happen', () => {
    expect(() => voteOutcome({ entitled: 5, present: 6, inFavour: 1 })).toThrow(RangeError);
    expect(() => voteOutcome({ entitled: 5, present: 3, inFavour: 6 })).toThrow(RangeError);
    expect(() => voteOutcome({ entitled: 5, present: -1, inFavour: 0 })).toThrow(RangeError);
    expect(() => voteOutcome({ entitled: 5, present: 2.5, inFavour: 0 })).toThrow(RangeError);
  });

  it('with no one entitled to vote there is no vote', () => {
    expect(voteOutcome({ entitled: 0, present: 0, inFavour: 0 })).toMatchObject({ valid: false });
  });
});
