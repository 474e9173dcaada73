import { ROLE_PERMISSIONS, ROLES, type Role } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { forbidden } from '../../platform/http/errors.js';
import { loadServiceRequest } from './service-sides.js';

const HANDLER_ROLES = ROLES.filter((r: Role) => ROLE_PERMISSIONS[r].includes('service.handle'));

/**
 * The accounts that may handle a request of the committee `orgId`: an enabled account holding service.handle
 * there (a grant at the committee, or with subtree reach above it). Names and their grant's org only.
 */
export async function handlersFor(db: Db | Trx, orgId: string, onlyUserId?: string) {
  if (HANDLER_ROLES.length === 0) return [];
  return (
    db
      .selectFrom('role_grant')
      .innerJoin('app_user', 'app_user.id', 'role_grant.user_id')
      .innerJoin('org_closure', 'org_closure.ancestor_id', 'role_grant.org_id')
      .innerJoin('org', 'org.id', 'role_grant.org_id')
      .select(['app_user.id', 'app_user.display_name as name', 'org.name as orgName', 'org_closure.depth'])
      .where('org_closure.descendant_id', '=', orgId)
      .where('role_grant.role', 'in', HANDLER_ROLES)
      .where((eb) => eb.or([eb('role_grant.reach', '=', 'subtree'), eb('org_closure.depth', '=', 0)]))
      .where('app_user.disabled_at', 'is', null)
      .$if(onlyUserId !== undefined, (q) => q.where('app_user.id', '=', onlyUserId!))
      // The nearest committee first: the district's people before the city's.
      .orderBy('org_closure.depth')
      .orderBy('app_user.display_name')
      .limit(200)
      .execute()
  );
}

/** GET /api/service-requests/:id/assignees: whom the request can be assigned to (handlers only). */
export async function serviceAssignees(ctx: Ctx, id: string) {
  const { r, sides } = await loadServiceRequest(ctx.db, ctx.access, id);
  if (!sides.handler) throw forbidden('只有党委承办人员可以指派诉求');
  const rows = await handlersFor(ctx.db, r.org_id);
  const seen = new Set<string>();
  const items = rows
    .filter((u) => !seen.has(u.id) && seen.add(u.id))
    .map((u) => ({ id: u.id, name: u.name, orgName: u.orgName }));
  return { items };
}
