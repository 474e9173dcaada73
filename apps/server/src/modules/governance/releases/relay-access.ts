import { ROLE_PERMISSIONS } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Access } from '../../../access/access.js';
import type { DB } from '../../../platform/db/types.js';

/**
 * Who relays a task: an enterprise's contacts (its tasks only, by the enterprise_contact link), or
 * governance.relay at the target organisation — its secretary, or a committee for its own committee org; a
 * committee does not relay for the organisations below it, nor for a release it published.
 */
export function relayerScope(
  eb: ExpressionBuilder<DB, 'relay_task'>,
  access: Access,
  own: readonly string[],
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (own.length) parts.push(eb('relay_task.enterprise_id', 'in', own));
  if (access.holdsAnywhere('governance.relay')) {
    const conditions = [access.scope('governance.relay', 'relay_task.target_org_id')];
    const manageRoots = access.grants
      .filter((g) => g.orgId !== null && ROLE_PERMISSIONS[g.role].includes('governance.manage'))
      .map((g) => g.orgId as string);
    if (manageRoots.length) {
      conditions.push(
        sql<SqlBool>`not exists (select 1 from org_closure as below where below.ancestor_id in (${sql.join(manageRoots)})
          and below.descendant_id = relay_task.target_org_id and below.depth > 0)`,
      );
      conditions.push(sql<SqlBool>`not ${access.scope('governance.manage', 'relay_task.org_id')}`);
    }
    parts.push(eb.and(conditions));
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.or(parts);
}

/** The publishing committee's side: governance.manage at or above the release's committee. */
export function publisherScope(access: Access): Expression<SqlBool> {
  return access.scope('governance.manage', 'relay_task.org_id');
}
