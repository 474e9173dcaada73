import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import { retirePassword } from '../../platform/auth/password-aging.js';
import { generatePassword } from '../../platform/auth/password-policy.js';
import { forbidden } from '../../platform/http/errors.js';
import { canManageAccount, findVisibleAccount, setTemporaryPassword } from './account.repository.js';

/** A temporary password, to be changed at the next sign-in; the account's sessions end. */
export async function resetPassword(ctx: Ctx, id: string) {
  const password = generatePassword(ctx.crypto.randomToken);
  const hash = await ctx.crypto.hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, ctx.access, id);
    if (!(await canManageAccount(trx, ctx.access.in(trx), user))) throw forbidden();
    const now = ctx.clock.now().toISOString();
    await retirePassword(trx, id, user.password_hash, now, ctx.config.passwordHistory);
    await setTemporaryPassword(trx, id, hash, now);
    await endSessions(trx, id);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'auth.password_reset',
      orgId: user.home_org_id,
      objectType: 'user',
      objectId: id,
    });
  });
  return { temporaryPassword: password };
}
