import { RATING_NOTICE_DAYS, starValidUntil } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { allRatingsOfRound, findRound, loadRubric } from './rating.repository.js';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function roundForApprover(ctx: Ctx, trx: Trx, id: string) {
  const access = ctx.access.in(trx);
  const round = await findRound(trx, id);
  if (!round) throw notFound('五星创评');
  await access.authorize('rating.approve', round.org_id, '五星创评');
  await lockFor(trx, `rating_round:${id}`);
  return round;
}

/**
 * POST /api/ratings/rounds/:id/notice — the approving committee starts 公示 once every submitted rating is approved
 * (branches that never submitted stay unrated). Objections are taken for RATING_NOTICE_DAYS days.
 */
export async function startNotice(ctx: Ctx, id: string) {
  const today = beijingDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const round = await roundForApprover(ctx, trx, id);
    if (round.status !== 'open') throw conflict('本轮五星创评已经公示');
    const all = await allRatingsOfRound(trx, id);
    const pending = all.filter((r) => r.status === 'submitted' || r.status === 'reviewed').length;
    if (pending > 0) throw conflict(`尚有${pending}个支部的评定未审定，不能开始公示`);
    const approved = all.filter((r) => r.status === 'approved').length;
    if (approved === 0) throw conflict('还没有审定的评定结果，不能开始公示');
    const until = addDays(today, RATING_NOTICE_DAYS - 1);
    await trx
      .updateTable('rating_round')
      .set({ status: 'notice', notice_from: today, notice_until: until, version: Number(round.version) + 1 })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.notice',
      orgId: round.org_id,
      objectType: 'rating_round',
      objectId: id,
      detail: { noticeFrom: today, noticeUntil: until, approved },
    });
    return { noticeFrom: today, noticeUntil: until };
  });
}

/**
 * POST /api/ratings/rounds/:id/publish — after 公示 ends with every objection handled, the approved star levels are
 * published: each branch's level goes into its history (org_star), valid for the rubric's validity period.
 */
export async function publishRound(ctx: Ctx, id: string) {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  return ctx.db.transaction().execute(async (trx) => {
    const round = await roundForApprover(ctx, trx, id);
    if (round.status !== 'notice') throw conflict(round.status === 'open' ? '尚未公示，不能发布' : '本轮星级已经发布');
    if (today <= round.notice_until!) throw conflict(`公示期至${round.notice_until}，公示期满后才能发布`);
    const all = await allRatingsOfRound(trx, id);
    const open = await trx
      .selectFrom('rating_objection')
      .innerJoin('rating', 'rating.id', 'rating_objection.rating_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('rating.round_id', '=', id)
      .where('rating_objection.resolved_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(open.n) > 0) throw conflict(`尚有${open.n}条异议未处理，不能发布`);
    const rubric = (await loadRubric(trx, round.rubric_version))!;
    const until = starValidUntil(today, rubric.validityMonths);
    const approved = all.filter((r) => r.status === 'approved');
    for (const r of approved) {
      await trx
        .insertInto('org_star')
        .values({
          id: uuidv7(),
          org_id: r.org_id,
          rating_id: r.id,
          stars: Number(r.final_stars),
          valid_from: today,
          valid_until: until,
          published_at: now.toISOString(),
        })
        .execute();
    }
    await trx
      .updateTable('rating')
      .set({ status: 'published' })
      .where('round_id', '=', id)
      .where('status', '=', 'approved')
      .execute();
    await trx
      .updateTable('rating_round')
      .set({ status: 'published', published_at: now.toISOString(), version: Number(round.version) + 1 })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.publish',
      orgId: round.org_id,
      objectType: 'rating_round',
      objectId: id,
      detail: { published: approved.length, validUntil: until },
    });
    return { published: approved.length, validUntil: until };
  });
}
