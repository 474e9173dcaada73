import type { RoundSummary, roundListQuery } from '@tongxin/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { presentRound } from './rating.presenter.js';
import { listRubricRows, statusCounts } from './rating.repository.js';

/** GET /api/ratings/rounds: rounds holding a rating the user may read (or opened at an org it may read), newest first. */
export async function listRounds(ctx: Ctx, query: z.output<typeof roundListQuery>) {
  const access = ctx.access;
  access.requireAnywhere('rating.read');
  let base = ctx.db
    .selectFrom('rating_round')
    .innerJoin('org', 'org.id', 'rating_round.org_id')
    .where((eb) =>
      eb.or([
        access.scope('rating.read', 'rating_round.org_id'),
        eb.exists(
          eb
            .selectFrom('rating as r')
            .select(sql.lit(1).as('one'))
            .whereRef('r.round_id', '=', 'rating_round.id')
            .where(access.scope('rating.read', 'r.org_id')),
        ),
      ]),
    );
  if (query.orgId) base = base.where('rating_round.org_id', '=', query.orgId);
  const rows = await base
    .selectAll('rating_round')
    .select('org.name as org_name')
    .orderBy('rating_round.year', 'desc')
    .orderBy('rating_round.opened_at', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const counts = await statusCounts(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = new Map((await listRubricRows(ctx.db)).map((r) => [r.version, r.name]));
  const items: RoundSummary[] = rows.map((r) =>
    presentRound(r, names.get(r.rubric_version) ?? r.rubric_version, counts.get(r.id)!),
  );
  const tops = await ctx.db
    .selectFrom('org')
    .select('id')
    .where('kind', '=', 'committee')
    .where(access.scope('rating.approve', 'org.id'))
    .limit(1)
    .execute();
  return { items, total: Number(total.n), abilities: { open: tops.length > 0 } };
}
