import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { DB } from '../../platform/db/types.js';

/** Requests the user handles: the handling committee lies in their service.handle scope (AZ-03). */
export function handlerScope(access: Access): Expression<SqlBool> {
  return access.within('service.handle', 'service_request.org_id');
}

/**
 * Requests the user follows for the enterprise (the same rule as sidesOf): an enterprise it is the contact of,
 * or one its org covered when the request was raised, unless the user handles that committee's requests.
 */
export function requesterScope(eb: ExpressionBuilder<DB, 'service_request'>, access: Access): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (access.holdsAnywhere('service.request')) parts.push(access.within('service.request', 'service_request.covering_org_id'));
  if (access.holdsAnywhere('service.contact') && access.user) {
    const linked = eb
      .selectFrom('enterprise_contact')
      .select('enterprise_contact.enterprise_id')
      .where('enterprise_contact.user_id', '=', access.user.id);
    parts.push(eb('service_request.enterprise_id', 'in', linked));
  }
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return eb.and([eb.or(parts), sql<SqlBool>`not ${handlerScope(access)}`]);
}

/**
 * Whether the user is on the requesting side at all (the "my requests" menu and list, the enterprise choice).
 * Committee admins hold the raising permissions only to delegate them, so a handler is not.
 */
export function mayRaiseAnywhere(access: Access): boolean {
  if (access.holdsAnywhere('service.handle')) return false;
  return access.holdsAnywhere('service.contact') || access.holdsAnywhere('service.request');
}
