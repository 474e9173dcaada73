import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentNotice } from './development.presenter.js';
import { noticesOf } from './development.repository.js';

/**
 * Public notices under an org (its subtree, through the scope): current ones (not yet ended, or ended within the
 * last 30 days) or all, newest first, at most 200.
 */
export async function listNotices(ctx: Ctx, orgId: string, state: 'current' | 'all') {
  const today = beijingDate(ctx.clock.now());
  const access = ctx.access;
  await access.authorize('development.read', orgId, '党组织');
  const since = new Date(`${today}T00:00:00Z`);
  since.setUTCDate(since.getUTCDate() - 30);
  const rows = await ctx.db
    .selectFrom('development_notice')
    .innerJoin('development', 'development.id', 'development_notice.development_id')
    .innerJoin('org', 'org.id', 'development_notice.org_id')
    .select(['development_notice.id', 'development.name', 'org.name as org_name'])
    .where(access.scope('development.read', 'development_notice.org_id'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.descendant_id')
          .where('org_closure.ancestor_id', '=', orgId)
          .whereRef('org_closure.descendant_id', '=', 'development_notice.org_id'),
      ),
    )
    .$if(state === 'current', (q) => q.where('development_notice.ends_on', '>=', since.toISOString().slice(0, 10)))
    .orderBy('development_notice.starts_on', 'desc')
    .orderBy('development_notice.id')
    .limit(200)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const full = await ctx.db
    .selectFrom('development_notice')
    .select('development_id')
    .where('id', 'in', rows.length ? rows.map((r) => r.id) : [''])
    .execute();
  const notices = (await noticesOf(ctx.db, [...new Set(full.map((f) => f.development_id))])).filter((n) => byId.has(n.id));
  notices.sort((a, b) => (a.starts_on < b.starts_on ? 1 : a.starts_on > b.starts_on ? -1 : 0));
  return {
    items: notices.map((n) => presentNotice(n, byId.get(n.id)!.name, byId.get(n.id)!.org_name, today)),
  };
}
