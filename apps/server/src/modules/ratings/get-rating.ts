import type { RatingDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { presentRatingSummary } from './rating.presenter.js';
import { factsOf, loadRating, loadRubric, objectionsOf, parseJson, scoresOf } from './rating.repository.js';
import { ratingAbilities } from './rating-abilities.js';
import { ratingFacts } from './rating-facts.js';

/**
 * GET /api/ratings/:id — one branch's rating: the rubric it is scored against, the facts from the platform's data
 * (live while the branch may still rate itself, else as they stood at submission), the self-rating with its
 * evidence, the review with its adjustments and reasons, the approval, and the objections during 公示.
 */
export async function getRating(ctx: Ctx, id: string): Promise<RatingDetail> {
  const { rating, round } = await loadRating(ctx.db, ctx.access, id, 'rating.read');
  const today = beijingDate(ctx.clock.now());
  const abilities = await ratingAbilities(ctx.access, round, rating, today);
  const live = abilities.selfRate;
  const facts = live ? await ratingFacts(ctx, rating.org_id) : factsOf(rating.facts);
  const rubric = (await loadRubric(ctx.db, round.rubric_version))!;
  const files = new Map((await listAttachments(ctx.db, 'rating', id)).map((f) => [f.id, f]));
  const evidenceIds = parseJson<Record<string, string[]>>(rating.evidence) ?? {};
  const evidence = Object.fromEntries(
    Object.entries(evidenceIds).map(([k, ids]) => [
      k,
      ids.flatMap((fid) => {
        const f = files.get(fid);
        return f ? [f] : [];
      }),
    ]),
  );
  const objections = await objectionsOf(ctx.db, [id]);
  const resolver = await ctx.access.can('rating.approve', round.org_id);
  const noticeOpen = round.status === 'notice' && round.notice_until !== null && today <= round.notice_until;
  const { version: _v, ...body } = rubric;
  return {
    ...presentRatingSummary(rating, objections.filter((o) => o.resolved_at === null).length, abilities),
    roundId: round.id,
    roundTitle: round.title,
    roundStatus: round.status,
    selfFrom: round.self_from,
    selfUntil: round.self_until,
    rubric: body,
    facts: facts ?? {},
    factsAt: live ? ctx.clock.now().toISOString() : rating.facts_at,
    selfScores: scoresOf(rating.self_scores),
    summary: rating.summary,
    evidence,
    submittedAt: rating.submitted_at,
    submittedByName: rating.submitted_by_name,
    reviewScores: scoresOf(rating.review_scores),
    reviewReasons: parseJson<Record<string, string>>(rating.review_reasons),
    reviewOpinion: rating.review_opinion,
    reviewedAt: rating.reviewed_at,
    reviewedByName: rating.reviewed_by_name,
    approveOpinion: rating.approve_opinion,
    approvedAt: rating.approved_at,
    approvedByName: rating.approved_by_name,
    cappedBy: parseJson<string[]>(rating.capped_by) ?? [],
    version: Number(rating.version),
    objections: objections.map((o) => ({
      id: o.id,
      text: o.text,
      raisedAt: o.raised_at,
      raisedByName: o.raised_by_name,
      resolution: o.resolution,
      resolvedAt: o.resolved_at,
      upheld: o.upheld === null ? null : Number(o.upheld) === 1,
    })),
    objectionAbilities: {
      raise: noticeOpen && rating.status === 'approved',
      resolve: resolver && round.status === 'notice',
    },
  };
}
