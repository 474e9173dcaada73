import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import { forbidden } from '../../platform/http/errors.js';
import { canManageAccount, findVisibleAccount, setDisabledAt } from './account.repository.js';

/** AUTH-09: disabling ends every session of the account at once. */
export async function setAccountDisabled(ctx: Ctx, id: string, disabled: boolean) {
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findVisibleAccount(trx, ctx.access, id);
    if (!(await canManageAccount(trx, ctx.access.in(trx), user))) throw forbidden();
    await setDisabledAt(trx, id, disabled ? ctx.clock.now().toISOString() : null);
    if (disabled) await endSessions(trx, id);
    await ctx.audit.record(trx, ctx.actor, {
      type: disabled ? 'account.disable' : 'account.enable',
      orgId: user.home_org_id,
      objectType: 'user',
      objectId: id,
    });
  });
}
