import type { OpenRoundBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { actorOf, branchesUnder, insertRatings, insertRound, loadRubric, roundExists } from './rating.repository.js';

/**
 * POST /api/ratings/rounds: a committee opens a round for its subtree. Every active branch below takes part (one
 * rating each, to be self-rated in the window); the round keeps the rubric version it opened with.
 */
export async function openRound(ctx: Ctx, input: OpenRoundBody): Promise<string> {
  if (input.selfUntil < input.selfFrom) throw invalid('selfUntil', '自评截止日期不能早于开始日期');
  const now = ctx.clock.now();
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('rating.approve', input.orgId, '党组织');
    const org = await trx.selectFrom('org').select(['kind', 'status']).where('id', '=', input.orgId).executeTakeFirstOrThrow();
    if (org.kind !== 'committee' || org.status !== 'active')
      throw invalid('orgId', '五星创评由党委组织开展，请选择党委（市、区县或园区）');
    const rubric = await loadRubric(trx, input.rubricVersion);
    if (!rubric) throw invalid('rubricVersion', '所选评定标准不存在');
    await lockFor(trx, `rating_round:${input.orgId}:${input.year}`);
    if (await roundExists(trx, input.orgId, input.year)) throw conflict(`该党委${input.year}年度的五星创评已经开展`);
    const branches = await branchesUnder(trx, input.orgId);
    if (branches.length === 0) throw invalid('orgId', '该党委下没有党支部，无法开展五星创评');
    const actor = actorOf(access);
    await insertRound(trx, {
      id,
      org_id: input.orgId,
      title: input.title,
      year: input.year,
      rubric_version: rubric.version,
      status: 'open',
      self_from: input.selfFrom,
      self_until: input.selfUntil,
      notice_from: null,
      notice_until: null,
      published_at: null,
      opened_at: now.toISOString(),
      opened_by: actor.id,
      opened_by_name: actor.name,
      version: 1,
    });
    await insertRatings(
      trx,
      id,
      branches.map((b) => ({ id: b.id, ratingId: uuidv7() })),
    );
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.round_open',
      orgId: input.orgId,
      objectType: 'rating_round',
      objectId: id,
      detail: { title: input.title, year: input.year, rubricVersion: rubric.version, branches: branches.length },
    });
  });
  return id;
}
