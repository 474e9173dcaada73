import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { actorOf, findRating, findRound } from './rating.repository.js';

/**
 * POST /api/ratings/:id/objections — during 公示 anyone who can see the branch (its members included) may object to
 * its approved star level. Audited; the objection names its author to the committee that handles it.
 */
export async function raiseObjection(ctx: Ctx, id: string, text: string) {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const objectionId = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const rating = await findRating(trx, id);
    if (!rating) throw notFound('评定');
    await access.authorize('org.read', rating.org_id, '评定');
    const round = (await findRound(trx, rating.round_id))!;
    if (round.status !== 'notice' || rating.status !== 'approved') throw conflict('该评定结果不在公示期内，不能提出异议');
    if (today > round.notice_until!) throw conflict(`公示已于${round.notice_until}结束`);
    const actor = actorOf(access);
    await trx
      .insertInto('rating_objection')
      .values({
        id: objectionId,
        rating_id: id,
        text,
        raised_at: now.toISOString(),
        raised_by: actor.id,
        raised_by_name: actor.name,
        resolution: null,
        upheld: null,
        resolved_at: null,
        resolved_by: null,
        resolved_by_name: null,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.objection',
      orgId: rating.org_id,
      objectType: 'rating_objection',
      objectId: objectionId,
      detail: { ratingId: id },
    });
  });
  return { id: objectionId };
}

/**
 * POST /api/ratings/:id/objections/:objectionId/resolve — the approving committee handles an objection: dismissed,
 * or upheld with a new (lower or higher) star level for the rating. Handled once.
 */
export async function resolveObjection(
  ctx: Ctx,
  id: string,
  objectionId: string,
  body: { resolution: string; stars?: number | undefined },
) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const rating = await findRating(trx, id);
    if (!rating) throw notFound('评定');
    await access.authorize('rating.read', rating.org_id, '评定');
    const round = (await findRound(trx, rating.round_id))!;
    if (!(await access.can('rating.approve', round.org_id))) throw forbidden();
    await lockFor(trx, `rating_round:${round.id}`);
    const objection = await trx
      .selectFrom('rating_objection')
      .selectAll()
      .where('id', '=', objectionId)
      .where('rating_id', '=', id)
      .executeTakeFirst();
    if (!objection) throw notFound('异议');
    if (objection.resolved_at) throw conflict('该异议已处理');
    if (round.status !== 'notice') throw conflict('不在公示期，不能处理异议');
    if (body.stars !== undefined && body.stars >= Number(rating.final_stars))
      throw invalid('stars', '异议成立时，调整后的星级应低于原审定星级');
    const actor = actorOf(access);
    await trx
      .updateTable('rating_objection')
      .set({
        resolution: body.resolution,
        upheld: body.stars === undefined ? 0 : 1,
        resolved_at: now.toISOString(),
        resolved_by: actor.id,
        resolved_by_name: actor.name,
      })
      .where('id', '=', objectionId)
      .execute();
    if (body.stars !== undefined) {
      await trx
        .updateTable('rating')
        .set({ final_stars: body.stars, version: Number(rating.version) + 1 })
        .where('id', '=', id)
        .execute();
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.objection_resolve',
      orgId: rating.org_id,
      objectType: 'rating_objection',
      objectId: objectionId,
      detail: { upheld: body.stars !== undefined, stars: body.stars ?? null, before: rating.final_stars },
    });
  });
  return { ok: true as const };
}
