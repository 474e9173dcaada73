import type { Ctx } from '../../context.js';
import { deleteSession } from './auth.repository.js';

/** Ends the caller's own session; audited. */
export async function logout(ctx: Ctx): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, ctx.session!.id);
    await ctx.audit.record(trx, ctx.actor, { type: 'auth.logout' });
  });
}
