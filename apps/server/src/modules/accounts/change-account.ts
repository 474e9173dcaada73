import type { FastifyRequest } from 'fastify';
import { endSessions } from '../../platform/accounts.js';
import { retirePassword } from '../../platform/auth/password-aging.js';
import { generatePassword } from '../../platform/auth/password-policy.js';
import type { Deps } from '../../platform/deps.js';
import { forbidden } from '../../platform/http/errors.js';
import { canManageAccount, findVisibleAccount } from './account.repository.js';

/** AUTH-09: disabling ends every session of the account at once. */
export async function setAccountDisabled(deps: Deps, request: FastifyRequest, id: string, disabled: boolean) {
  await deps.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, request.access, id);
    if (!(await canManageAccount(trx, request.access.in(trx), user))) throw forbidden();
    await trx
      .updateTable('app_user')
      .set({ disabled_at: disabled ? deps.clock.now().toISOString() : null })
      .where('id', '=', id)
      .execute();
    if (disabled) await endSessions(trx, id);
    await deps.audit.record(trx, request.auditContext(), {
      type: disabled ? 'account.disable' : 'account.enable',
      orgId: user.home_org_id,
      objectType: 'user',
      objectId: id,
    });
  });
}

/** A temporary password, to be changed at the next sign-in; the account's sessions end. */
export async function resetPassword(deps: Deps, request: FastifyRequest, id: string) {
  const password = generatePassword(deps.crypto.randomToken);
  const hash = await deps.crypto.hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, request.access, id);
    if (!(await canManageAccount(trx, request.access.in(trx), user))) throw forbidden();
    const now = deps.clock.now().toISOString();
    await retirePassword(trx, id, user.password_hash, now, deps.config.passwordHistory);
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, must_change_password: 1, password_changed_at: now })
      .where('id', '=', id)
      .execute();
    await endSessions(trx, id);
    await deps.audit.record(trx, request.auditContext(), {
      type: 'auth.password_reset',
      orgId: user.home_org_id,
      objectType: 'user',
      objectId: id,
    });
  });
  return { temporaryPassword: password };
}

/** AUTH-04: the security admin lifts a lock-out; audited. */
export async function unlockAccount(deps: Deps, request: FastifyRequest, id: string) {
  if (!request.access.holdsGlobally('security.account.unlock')) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, request.access, id);
    await trx.deleteFrom('login_failure').where('username_lower', '=', user.username_lower).execute();
    await deps.audit.record(trx, request.auditContext(), { type: 'auth.unlock', objectType: 'user', objectId: id });
  });
}

/** Ends every session of an account (security admin, or whoever may manage it). */
export async function revokeSessions(deps: Deps, request: FastifyRequest, id: string) {
  await deps.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, request.access, id);
    const allowed =
      request.access.holdsGlobally('security.session.revoke') || (await canManageAccount(trx, request.access.in(trx), user));
    if (!allowed) throw forbidden();
    await endSessions(trx, id);
    await deps.audit.record(trx, request.auditContext(), { type: 'auth.session_revoke', objectType: 'user', objectId: id });
  });
}
