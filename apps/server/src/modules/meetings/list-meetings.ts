import type { meetingListQuery } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { DB } from '../../platform/db/types.js';
import { countsFor, presentSummary, SUMMARY_COLUMNS } from './meeting.presenter.js';

type Query = z.output<typeof meetingListQuery>;

/**
 * Meetings of an org and everything under it (a committee sees its branches' meetings), newest first,
 * through the user's meeting scope (AZ-03); the calendar asks for a date range.
 */
export async function listMeetings(ctx: Ctx, query: Query) {
  const access = ctx.access;
  await access.authorize('meeting.read', query.orgId);
  const where = (eb: ExpressionBuilder<DB, 'meeting' | 'org'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.depth')
          .where('org_closure.ancestor_id', '=', query.orgId)
          .whereRef('org_closure.descendant_id', '=', 'meeting.org_id'),
      ),
      access.scope('meeting.read', 'meeting.org_id'),
    ];
    if (query.kind) all.push(eb('meeting.kind', '=', query.kind));
    if (query.status) all.push(eb('meeting.status', '=', query.status));
    if (query.from) all.push(eb('meeting.held_on', '>=', query.from));
    if (query.to) all.push(eb('meeting.held_on', '<=', query.to));
    return eb.and(all);
  };
  const rows = await ctx.db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .select(SUMMARY_COLUMNS)
    .where(where)
    .orderBy('meeting.starts_at', 'desc')
    .orderBy('meeting.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counted = await ctx.db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const counts = await countsFor(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentSummary(r, counts)),
    total: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
