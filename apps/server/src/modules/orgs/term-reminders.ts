import { daysBetween } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';

/** Committees in the user's scope whose term ends within `days` (or has already ended): time to elect. */
export async function termReminders(deps: Deps, request: FastifyRequest, days: number) {
  const today = beijingDate(deps.clock.now());
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await deps.db
    .selectFrom('org_committee')
    .innerJoin('org', 'org.id', 'org_committee.org_id')
    .select(['org.id', 'org.name', 'org_committee.term_end'])
    .where('org_committee.superseded_at', 'is', null)
    .where('org.status', '=', 'active')
    .where('org_committee.term_end', '<=', until)
    .where(request.access.scope('committee.manage', 'org.id'))
    .orderBy('org_committee.term_end')
    .limit(500)
    .execute();
  return {
    items: rows.map((r) => ({ orgId: r.id, orgName: r.name, termEnd: r.term_end, daysLeft: daysBetween(today, r.term_end) })),
  };
}
