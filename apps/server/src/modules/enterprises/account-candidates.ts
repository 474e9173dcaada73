import type { Ctx } from '../../context.js';
import { like } from '../../platform/db/helpers.js';

/**
 * Accounts holding a role (instructor or enterprise contact) that the actor may pick for an enterprise: active
 * accounts whose home org lies in its `account.read` scope. Names only, at most 20.
 */
export async function accountCandidates(ctx: Ctx, role: 'instructor' | 'enterprise_contact', q: string | undefined) {
  const access = ctx.access;
  access.requireAnywhere('enterprise.manage');
  const rows = await ctx.db
    .selectFrom('app_user')
    .select(['app_user.id', 'app_user.username', 'app_user.display_name'])
    .where(access.scope('account.read', 'app_user.home_org_id'))
    .where('app_user.disabled_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grant')
          .select('role_grant.id')
          .whereRef('role_grant.user_id', '=', 'app_user.id')
          .where('role_grant.role', '=', role),
      ),
    )
    .$if(Boolean(q), (qb) => qb.where((eb) => eb.or([like('app_user.display_name', q!), like('app_user.username', q!)])))
    .orderBy('app_user.username')
    .limit(20)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name })) };
}
