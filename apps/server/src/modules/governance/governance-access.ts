import { type Expression, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/errors.js';

/**
 * Shared rules of online governance. An enterprise acts only through its contacts (enterprise.own and an
 * enterprise_contact link, as in access/enterprise-scope.ts); a Party organisation through governance.relay at it
 * (its secretary); the committee through governance.manage.
 */

/** The enterprises this account is a contact of (empty without enterprise.own). */
export async function contactEnterpriseIds(db: Db | Trx, access: Access): Promise<string[]> {
  if (!access.user || !access.holdsAnywhere('enterprise.own')) return [];
  const rows = await db.selectFrom('enterprise_contact').select('enterprise_id').where('user_id', '=', access.user.id).execute();
  return rows.map((r) => r.enterprise_id);
}

export async function isContactOf(db: Db | Trx, access: Access, enterpriseId: string): Promise<boolean> {
  return (await contactEnterpriseIds(db, access)).includes(enterpriseId);
}

/** The org in `column` lies in the subtree of `ancestorId` (itself included). */
export function under(ancestorId: string | Expression<string>, column: string): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from org_closure as gc where gc.ancestor_id = ${ancestorId} and gc.descendant_id = ${sql.ref(column)})`;
}

/** A business user (anyone holding org.read somewhere): reads pledges and the rebuttal library. */
export function requireBusinessUser(access: Access): void {
  if (!access.user) throw new AppError(401, 'unauthenticated', '请先登录');
  access.requireAnywhere('org.read');
}
