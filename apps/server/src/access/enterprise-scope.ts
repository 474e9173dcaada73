import { type Expression, type SqlBool, sql } from 'kysely';
import type { Trx } from '../platform/db/connect.js';
import type { EnterpriseTable } from '../platform/db/types.js';
import { AppError, forbidden, notFound } from '../platform/http/errors.js';
import type { Access } from './access.js';

/**
 * The one visibility rule of the enterprise registry (issue #6), used by the list, the detail, the counts, the
 * export, the coverage page and the instructor pages alike. An enterprise is visible:
 * - with `enterprise.read` at its area committee (district or park) or anywhere above — committee admins;
 * - with `enterprise.read` at the org that covers it (its own branch or a joint branch) — that org's secretary;
 * - with `enterprise.own` to the enterprise-contact accounts linked to it, and only to it;
 * - with `instructor.work` to the instructors currently assigned to it (on `today`).
 * The last two are links to the account, not to an org: a contact's grant at its branch shows it nothing more.
 */
export function enterpriseVisible(access: Access, today: string, table = 'enterprise'): Expression<SqlBool> {
  const id = sql.ref(`${table}.id`);
  const parts: Expression<SqlBool>[] = [];
  if (access.holdsAnywhere('enterprise.read')) {
    parts.push(access.scope('enterprise.read', `${table}.area_org_id`));
    parts.push(access.scope('enterprise.read', `${table}.covering_org_id`));
  }
  const userId = access.user?.id;
  if (userId && access.holdsAnywhere('enterprise.own')) {
    parts.push(
      sql<SqlBool>`exists (select 1 from enterprise_contact as ec where ec.enterprise_id = ${id} and ec.user_id = ${userId})`,
    );
  }
  if (userId && access.holdsAnywhere('instructor.work')) parts.push(assignedTo(userId, today, table));
  if (parts.length === 0) return sql<SqlBool>`1 = 0`;
  return parts.length === 1 ? parts[0]! : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The instructor holds an assignment to the enterprise running on `today`. */
export function assignedTo(userId: string, today: string, table = 'enterprise'): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from instructor_assignment as ia where ia.enterprise_id = ${sql.ref(`${table}.id`)}
    and ia.instructor_id = ${userId} and ia.starts_on <= ${today} and (ia.ends_on is null or ia.ends_on >= ${today}))`;
}

export type EnterpriseNeed = 'read' | 'manage' | 'log';

/**
 * Loads one enterprise for an action (inside the operation's transaction). Invisible or missing → 404 (no
 * existence leak); visible but not allowed → 403. `manage` needs `enterprise.manage` at its area committee;
 * `log` needs a running assignment of this instructor.
 */
export async function loadEnterprise(
  trx: Trx,
  access: Access,
  id: string,
  today: string,
  need: EnterpriseNeed = 'read',
): Promise<EnterpriseTable> {
  if (!access.user) throw new AppError(401, 'unauthenticated', '请先登录');
  const row = await trx
    .selectFrom('enterprise')
    .selectAll()
    .where('id', '=', id)
    .where(enterpriseVisible(access, today))
    .executeTakeFirst();
  if (!row) throw notFound('企业');
  if (need === 'manage' && !(await access.can('enterprise.manage', row.area_org_id))) throw forbidden();
  if (need === 'log' && !(await isAssigned(trx, access, row.id, today))) throw forbidden('您不是该企业在任的党建指导员');
  return row;
}

export async function isAssigned(trx: Trx, access: Access, enterpriseId: string, today: string): Promise<boolean> {
  if (!access.user || !access.holdsAnywhere('instructor.work')) return false;
  const hit = await trx
    .selectFrom('enterprise')
    .select('id')
    .where('id', '=', enterpriseId)
    .where(assignedTo(access.user.id, today))
    .executeTakeFirst();
  return hit !== undefined;
}

/** What this user may do with a visible enterprise (for the detail page's buttons). */
export async function enterpriseAbilities(trx: Trx, access: Access, e: EnterpriseTable, today: string) {
  const manage = await access.can('enterprise.manage', e.area_org_id);
  return {
    manage: !e.archived_at && manage,
    log: !e.archived_at && (await isAssigned(trx, access, e.id, today)),
    restore: e.archived_at !== null && manage,
  };
}
