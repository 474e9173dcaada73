import type { Expression, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';

/** The two roles an account holds towards enterprises: an instructor (党建指导员), a contact (企业联络员). */
export type EnterpriseRole = 'instructor' | 'enterprise_contact';

/** An account picked for an enterprise, with what the rules check. */
export interface PickedAccount {
  id: string;
  displayName: string;
  homeOrgId: string | null;
  disabled: boolean;
  holdsRole: boolean;
}

export async function findAccountFor(db: Db | Trx, userId: string, role: EnterpriseRole): Promise<PickedAccount | undefined> {
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'home_org_id', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const grant = await db
    .selectFrom('role_grant')
    .select('id')
    .where('user_id', '=', user.id)
    .where('role', '=', role)
    .executeTakeFirst();
  return {
    id: user.id,
    displayName: user.display_name,
    homeOrgId: user.home_org_id,
    disabled: user.disabled_at !== null,
    holdsRole: grant !== undefined,
  };
}

/** Enabled accounts holding the role whose home org passes `scope`, by username; names only, at most 20. */
export async function accountsWithRole(db: Db | Trx, role: EnterpriseRole, scope: Expression<SqlBool>, q: string | undefined) {
  const rows = await db
    .selectFrom('app_user')
    .select(['app_user.id', 'app_user.username', 'app_user.display_name'])
    .where(scope)
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
  return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name }));
}

/** The contact accounts linked to an enterprise, by username. */
export async function contactsOf(db: Db | Trx, enterpriseId: string) {
  const rows = await db
    .selectFrom('enterprise_contact')
    .innerJoin('app_user', 'app_user.id', 'enterprise_contact.user_id')
    .select(['app_user.id', 'app_user.username', 'app_user.display_name'])
    .where('enterprise_contact.enterprise_id', '=', enterpriseId)
    .orderBy('app_user.username')
    .execute();
  return rows.map((c) => ({ userId: c.id, username: c.username, displayName: c.display_name }));
}

export async function isContactOf(db: Db | Trx, enterpriseId: string, userId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('enterprise_contact')
    .select('user_id')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return hit !== undefined;
}

export async function insertContact(trx: Trx, c: { enterpriseId: string; userId: string; at: string; by: string | null }) {
  await trx
    .insertInto('enterprise_contact')
    .values({ enterprise_id: c.enterpriseId, user_id: c.userId, created_at: c.at, created_by: c.by })
    .execute();
}

/** Removes a contact link; false when there was none. */
export async function deleteContact(trx: Trx, enterpriseId: string, userId: string): Promise<boolean> {
  const removed = await trx
    .deleteFrom('enterprise_contact')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(removed.numDeletedRows) === 1;
}
