import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentNotice } from './development.presenter.js';
import { noticesOf } from './development.repository.js';
import { listDevelopmentNotices } from './development-notice.repository.js';

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
  const rows = await listDevelopmentNotices(ctx.db, {
    orgId,
    scope: access.scope('development.read', 'development_notice.org_id'),
    endsFrom: state === 'current' ? since.toISOString().slice(0, 10) : null,
    limit: 200,
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const notices = (await noticesOf(ctx.db, [...new Set(rows.map((r) => r.developmentId))])).filter((n) => byId.has(n.id));
  notices.sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
  return {
    items: notices.map((n) => presentNotice(n, byId.get(n.id)!.personName, byId.get(n.id)!.orgName, today)),
  };
}
