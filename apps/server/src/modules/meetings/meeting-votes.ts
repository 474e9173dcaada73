import type { resolutionBody } from '@tongxin/contracts';
import { type MeetingKind, voteOutcome } from '@tongxin/contracts';
import type { z } from 'zod';
import { invalid } from '../../platform/http/errors.js';

type Resolution = z.output<typeof resolutionBody>;

export interface VoteRecord {
  entitled: number;
  present: number;
  inFavour: number;
  against: number;
  abstain: number;
  writtenInFavour: number;
  valid: boolean;
  passed: boolean;
  reason: string;
}

/**
 * A resolution's vote with the quorum rule (packages/contracts quorum.ts). At a general meeting those entitled
 * are the full members on the day and those present the full members marked present (probationary members
 * attend but do not vote); absentees' written opinions in favour count toward passing, not toward the quorum.
 * At a committee meeting those entitled are the committee's members.
 */
export function judgeVote(
  kind: MeetingKind,
  r: Resolution,
  index: number,
  electorate: { entitled: number; present: number },
): VoteRecord {
  const at = (field: string) => `resolutions.${index}.${field}`;
  const { entitled, present } = electorate;
  if (r.inFavour + r.against + r.abstain > present) {
    throw invalid(at('inFavour'), `第${index + 1}项决议：赞成、反对、弃权票合计不能多于到会有表决权的${present}人`);
  }
  if (r.writtenInFavour > entitled - present) {
    throw invalid(at('writtenInFavour'), `第${index + 1}项决议：书面意见只能来自未到会的${entitled - present}名有表决权党员`);
  }
  if (kind === 'committee_meeting' && r.writtenInFavour > 0) {
    throw invalid(at('writtenInFavour'), `第${index + 1}项决议：支委会表决不计书面意见`);
  }
  const outcome = voteOutcome({ entitled, present, inFavour: r.inFavour + r.writtenInFavour });
  const reason = kind === 'committee_meeting' ? outcome.reason.replaceAll('有表决权党员', '支委会委员') : outcome.reason;
  return {
    ...outcome,
    reason,
    entitled,
    present,
    inFavour: r.inFavour,
    against: r.against,
    abstain: r.abstain,
    writtenInFavour: r.writtenInFavour,
  };
}
