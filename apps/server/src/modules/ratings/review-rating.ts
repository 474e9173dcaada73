import { type ReviewBody, rubricIndicators, scoreIssues, scoreRating } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { actorOf, findRating, findRound, loadRubric, scoresOf, updateRating } from './rating.repository.js';
import { refuse } from './self-rate.js';

/**
 * PUT /api/ratings/:id/review — the committee directly above the branch (区县/园区党委) reviews the self-rating:
 * it may adjust any score, each adjustment with its reason, and gives its opinion. It may review again until the
 * city approves. Whoever submitted the self-rating does not review it.
 */
export async function reviewRating(ctx: Ctx, id: string, body: ReviewBody) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await lockFor(trx, `rating:${id}`);
    const rating = await findRating(trx, id);
    if (!rating) throw notFound('评定');
    await access.authorize('rating.read', rating.org_id, '评定');
    // The rating is visible: lacking the review permission above it is a 403, whether or not that org is visible.
    if (!rating.parent_id || !(await access.can('rating.review', rating.parent_id))) throw forbidden();
    const round = (await findRound(trx, rating.round_id))!;
    if (round.status !== 'open') throw conflict('本轮五星创评已进入公示，不能再审核');
    if (rating.status !== 'submitted' && rating.status !== 'reviewed')
      throw conflict(rating.status === 'draft' ? '支部尚未提交自评' : '该评定已审定，不能再审核');
    if (rating.submitted_by === access.user!.id) throw forbidden('自评提交人不能审核本支部的评定');
    const rubric = (await loadRubric(trx, round.rubric_version))!;
    const issues = scoreIssues(rubric, body.scores, {}).filter((i) => i.rule !== 'evidence');
    if (issues.length > 0) refuse(issues);
    const self = scoresOf(rating.self_scores)!;
    const selfResult = scoreRating(rubric, self);
    const result = scoreRating(rubric, body.scores);
    const reasonFor = (key: string) => body.reasons[key]?.trim();
    for (const i of rubricIndicators(rubric)) {
      if (result.indicatorPoints[i.key] !== selfResult.indicatorPoints[i.key] && !reasonFor(i.key))
        throw invalid(`reasons.${i.key}`, `「${i.name}」的得分与自评不同，请填写调整理由`);
    }
    for (const b of rubric.bonus) {
      if ((body.scores.bonus[b.key] ?? 0) !== (self.bonus[b.key] ?? 0) && !reasonFor(b.key))
        throw invalid(`reasons.${b.key}`, `「${b.name}」的加分与自评不同，请填写调整理由`);
    }
    const vetoChanged = [...body.scores.vetoes].sort().join() !== [...self.vetoes].sort().join();
    if (vetoChanged && !reasonFor('vetoes')) throw invalid('reasons.vetoes', '一票否决事项与自评不同，请填写理由');
    const actor = actorOf(access);
    await updateRating(trx, id, body.version, {
      status: 'reviewed',
      review_scores: JSON.stringify(body.scores),
      review_reasons: JSON.stringify(body.reasons),
      review_total: result.total,
      review_stars: result.stars,
      capped_by: JSON.stringify(result.cappedBy),
      review_opinion: body.opinion,
      reviewed_at: now.toISOString(),
      reviewed_by: actor.id,
      reviewed_by_name: actor.name,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.review',
      orgId: rating.org_id,
      objectType: 'rating',
      objectId: id,
      detail: { selfTotal: selfResult.total, total: result.total, stars: result.stars, adjusted: Object.keys(body.reasons) },
    });
  });
  return { ok: true as const };
}
