import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import { forbidden } from '../../platform/http/errors.js';
import { canManageAccount, findVisibleAccount } from './account.repository.js';

/** Ends every session of an account (security admin, or whoever may manage it). */
export async function revokeSessions(ctx: Ctx, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, ctx.access, id);
    const allowed =
      ctx.access.holdsGlobally('security.session.revoke') || (await canManageAccount(trx, ctx.access.in(trx), user));
    if (!allowed) throw forbidden();
    await endSessions(trx, id);
    await ctx.audit.record(trx, ctx.actor, { type: 'auth.session_revoke', objectType: 'user', objectId: id });
  });
}
