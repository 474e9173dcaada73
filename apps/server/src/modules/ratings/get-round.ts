import { quotaFor, type RoundDetail, STAR_LEVELS } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { presentRatingSummary, presentRound } from './rating.presenter.js';
import { allRatingsOfRound, findRound, loadRubric, objectionsOf, ratingsOfRound, statusCounts } from './rating.repository.js';
import { ratingAbilities } from './rating-abilities.js';

/**
 * GET /api/ratings/rounds/:id — the round board: the ratings the user may read (a district sees its branches, the
 * city all, a secretary its own), each with what the user may do, the quotas and their use, and the round's steps.
 */
export async function getRound(ctx: Ctx, id: string): Promise<RoundDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const round = await findRound(trx, id);
    if (!round) throw notFound('五星创评');
    const ratings = await ratingsOfRound(trx, access, id);
    if (ratings.length === 0 && !(await access.can('rating.read', round.org_id))) {
      if (await access.canSee(round.org_id)) throw forbidden();
      throw notFound('五星创评');
    }
    const rubric = (await loadRubric(trx, round.rubric_version))!;
    const today = beijingDate(ctx.clock.now());
    const objections = await objectionsOf(
      trx,
      ratings.map((r) => r.id),
    );
    const all = await allRatingsOfRound(trx, id);
    const counts = (await statusCounts(trx, [id])).get(id)!;
    const approver = await access.can('rating.approve', round.org_id);
    const pending = all.filter((r) => r.status === 'submitted' || r.status === 'reviewed').length;
    const approved = all.filter((r) => r.status === 'approved').length;
    const openObjections = objections.filter((o) => o.resolved_at === null).length;
    const items = [];
    for (const r of ratings) {
      const open = objections.filter((o) => o.rating_id === r.id && o.resolved_at === null).length;
      items.push(presentRatingSummary(r, open, await ratingAbilities(access, round, r, today)));
    }
    return {
      ...presentRound(round, rubric.name, counts),
      ratings: items,
      quotas: STAR_LEVELS.flatMap((s) => {
        const max = quotaFor(rubric, s, all.length);
        if (max === null) return [];
        const used = all.filter(
          (r) => (r.status === 'approved' || r.status === 'published') && Number(r.final_stars) === s,
        ).length;
        return [{ stars: s, max, used }];
      }),
      abilities: {
        startNotice: approver && round.status === 'open' && pending === 0 && approved > 0,
        publish:
          approver &&
          round.status === 'notice' &&
          round.notice_until !== null &&
          today > round.notice_until &&
          openObjections === 0,
      },
    };
  });
}
