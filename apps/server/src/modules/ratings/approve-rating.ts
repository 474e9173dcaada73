import { quotaIssue, STAR_LABELS, type StarLevel } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { actorOf, allRatingsOfRound, findRating, findRound, loadRubric, updateRating } from './rating.repository.js';

/**
 * POST /api/ratings/:id/approve — the committee that opened the round (the city) approves a reviewed rating at a
 * star level no higher than the review reached (vetoes already capped it), within the round's quota for that level.
 * The quota is checked under the round's lock, so two approvals at once cannot both take the last place.
 */
export async function approveRating(
  ctx: Ctx,
  id: string,
  input: { stars: number; opinion?: string | undefined; version: number },
) {
  const body = { ...input, stars: input.stars as StarLevel };
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const rating = await findRating(trx, id);
    if (!rating) throw notFound('评定');
    await access.authorize('rating.read', rating.org_id, '评定');
    const round = (await findRound(trx, rating.round_id))!;
    if (!(await access.can('rating.approve', round.org_id))) throw forbidden();
    await lockFor(trx, `rating_round:${round.id}`);
    if (round.status !== 'open') throw conflict('本轮五星创评已进入公示，不能再审定');
    if (rating.status !== 'reviewed') throw conflict(rating.status === 'approved' ? '该评定已审定' : '该评定尚未经审核');
    const reviewed = Number(rating.review_stars);
    if (body.stars > reviewed) throw invalid('stars', `审定星级不能高于审核结果（${STAR_LABELS[reviewed as StarLevel]}）`);
    const rubric = (await loadRubric(trx, round.rubric_version))!;
    const all = await allRatingsOfRound(trx, round.id);
    const already = all.filter((r) => r.id !== id && r.status === 'approved' && Number(r.final_stars) === body.stars).length;
    const issue = quotaIssue(rubric, body.stars, already, all.length);
    if (issue) throw invalid('stars', issue);
    const actor = actorOf(access);
    await updateRating(trx, id, body.version, {
      status: 'approved',
      final_stars: body.stars,
      approve_opinion: body.opinion?.trim() || null,
      approved_at: now.toISOString(),
      approved_by: actor.id,
      approved_by_name: actor.name,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.approve',
      orgId: rating.org_id,
      objectType: 'rating',
      objectId: id,
      detail: { stars: body.stars, reviewStars: reviewed },
    });
  });
  return { ok: true as const };
}
