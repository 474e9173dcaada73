import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { clearLoginFailures, findVisibleAccount } from './account.repository.js';

/** AUTH-04: the security admin lifts a lock-out; audited. */
export async function unlockAccount(ctx: Ctx, id: string) {
  if (!ctx.access.holdsGlobally('security.account.unlock')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, ctx.access, id);
    await clearLoginFailures(trx, user.username_lower);
    await ctx.audit.record(trx, ctx.actor, { type: 'auth.unlock', objectType: 'user', objectId: id });
  });
}
