import { daysBetween } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { findTermsEndingBy } from './committee.repository.js';

/**
 * Committees in the user's scope whose term ends within `days` of `today` (or has already ended): time to
 * elect. Shared by the reminders route and the to-do list; `access` must be bound to `db`.
 */
export async function termsEnding(db: Db | Trx, access: Access, today: string, days: number, limit = 500) {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const rows = await findTermsEndingBy(db, access, until, limit);
  return rows.map((r) => ({ ...r, daysLeft: daysBetween(today, r.termEnd) }));
}

/** Committees in the user's scope whose term ends within `days` (or has already ended): time to elect. */
export async function termReminders(ctx: Ctx, days: number) {
  return { items: await termsEnding(ctx.db, ctx.access, beijingDate(ctx.clock.now()), days) };
}
