import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import { retirePassword } from '../../platform/auth/password-aging.js';
import { generatePassword } from '../../platform/auth/password-policy.js';
import { forbidden } from '../../platform/http/errors.js';
import { canManageAccount, findVisibleAccount } from './account.repository.js';

/** AUTH-09: disabling ends every session of the account at once. */
export async function setAccountDisabled(ctx: Ctx, id: string, disabled: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, ctx.access, id);
    if (!(await canManageAccount(trx, ctx.access.in(trx), user))) throw forbidden();
    await trx
      .updateTable('app_user')
      .set({ disabled_at: disabled ? ctx.clock.now().toISOString() : null })
      .where('id', '=', id)
      .execute();
    if (disabled) await endSessions(trx, id);
    await ctx.audit.record(trx, ctx.actor, {
      type: disabled ? 'account.disable' : 'account.enable',
      orgId: user.home_org_id,
      objectType: 'user',
      objectId: id,
    });
  });
}

/** A temporary password, to be changed at the next sign-in; the account's sessions end. */
export async function resetPassword(ctx: Ctx, id: string) {
  const password = generatePassword(ctx.crypto.randomToken);
  const hash = await ctx.crypto.hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, ctx.access, id);
    if (!(await canManageAccount(trx, ctx.access.in(trx), user))) throw forbidden();
    const now = ctx.clock.now().toISOString();
    await retirePassword(trx, id, user.password_hash, now, ctx.config.passwordHistory);
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, must_change_password: 1, password_changed_at: now })
      .where('id', '=', id)
      .execute();
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

/** AUTH-04: the security admin lifts a lock-out; audited. */
export async function unlockAccount(ctx: Ctx, id: string) {
  if (!ctx.access.holdsGlobally('security.account.unlock')) throw forbidden();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, ctx.access, id);
    await trx.deleteFrom('login_failure').where('username_lower', '=', user.username_lower).execute();
    await ctx.audit.record(trx, ctx.actor, { type: 'auth.unlock', objectType: 'user', objectId: id });
  });
}

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
