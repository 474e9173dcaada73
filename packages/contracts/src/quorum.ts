/**
 * The general-meeting vote rule (DOMAIN.md "Organisational life"): a vote is valid only when more than half
 * of the members entitled to vote are present, and a resolution passes with more than half of those
 * entitled to vote — not of those present. Absentees' written opinions count towards the result.
 * Probationary members attend but do not vote, so callers count full members only.
 * Shared by meeting resolutions (#4) and admission / confirmation votes in member development (#5).
 */
export interface VoteCount {
  /** Full members of the branch on the day (those entitled to vote). */
  entitled: number;
  /** Entitled members present. */
  present: number;
  /** Votes in favour, including absentees' written opinions in favour. */
  inFavour: number;
}

export type VoteOutcome = { valid: true; passed: boolean; reason: string } | { valid: false; passed: false; reason: string };

export function voteOutcome({ entitled, present, inFavour }: VoteCount): VoteOutcome {
  if (![entitled, present, inFavour].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new RangeError('票数必须是非负整数');
  }
  if (present > entitled) throw new RangeError('到会有表决权党员不能多于应到人数');
  if (inFavour > entitled) throw new RangeError('赞成票不能多于有表决权党员人数');
  if (entitled === 0) return { valid: false, passed: false, reason: '没有有表决权的正式党员，不能表决' };
  if (present * 2 <= entitled) {
    return {
      valid: false,
      passed: false,
      reason: `到会有表决权党员 ${present} 人，未超过应到 ${entitled} 人的半数，表决无效`,
    };
  }
  const passed = inFavour * 2 > entitled;
  return {
    valid: true,
    passed,
    reason: passed
      ? `赞成 ${inFavour} 票，超过应到会有表决权党员 ${entitled} 人的半数，通过`
      : `赞成 ${inFavour} 票，未超过应到会有表决权党员 ${entitled} 人的半数，未通过`,
  };
}
