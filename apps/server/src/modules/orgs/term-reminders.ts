import { daysBetween } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Db, Trx } from '../../platform/db/connect.js';

/**
 * Committees in the user's scope whose term ends within `days` of `today` (or has already ended): time to
 * elect. Shared by the reminders route and the to-do list; `access` must be bound to `db`.
 */
export async function termsEnding(db: Db | Trx, access: Access, today: string, days: number, limit = 500) {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await db
    .selectFrom('org_committee')
    .innerJoin('org', 'org.id', 'org_committee.org_id')
    .select(['org.id', 'org.name', 'org_committee.term_end'])
    .where('org_committee.superseded_at', 'is', null)
    .where('org.status', '=', 'active')
    .where('org_committee.term_end', '<=', until)
    .where(access.scope('committee.manage', 'org.id'))
    .orderBy('org_committee.term_end')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ orgId: r.id, orgName: r.name, termEnd: r.term_end, daysLeft: daysBetween(today, r.term_end) }));
}

/** Committees in the user's scope whose term ends within `days` (or has already ended): time to elect. */
export async function termReminders(ctx: Ctx, days: number) {
  return { items: await termsEnding(ctx.db, ctx.access, beijingDate(ctx.clock.now()), days) };
}
