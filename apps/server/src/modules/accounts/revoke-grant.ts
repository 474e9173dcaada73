import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import { notFound } from '../../platform/http/errors.js';
import { deleteGrant, findGrant, findVisibleAccount } from './account.repository.js';
import { assertMayGrant } from './grant-role.js';

/** Withdraws a grant: only whoever could grant it (AZ-04, AZ-06); the account's sessions end (AUTH-09). */
export async function revokeGrant(ctx: Ctx, grantId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const grant = await findGrant(trx, grantId);
    if (!grant) throw notFound('授权');
    await findVisibleAccount(trx, ctx.access, grant.user_id);
    await assertMayGrant(trx, ctx, { userId: grant.user_id, role: grant.role, orgId: grant.org_id, reach: grant.reach });
    await deleteGrant(trx, grantId);
    await endSessions(trx, grant.user_id);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'grant.revoke',
      orgId: grant.org_id,
      objectType: 'role_grant',
      objectId: grantId,
      detail: { before: { userId: grant.user_id, role: grant.role, orgId: grant.org_id, reach: grant.reach } },
    });
  });
}
