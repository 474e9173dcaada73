import type { Access } from '../../access/access.js';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { Db, Trx } from '../../platform/db/connect.js';

/** An enterprise the user may see in the registry (archived or not), or undefined. */
export async function findVisibleEnterprise(db: Db | Trx, access: Access, id: string, today: string) {
  const row = await db
    .selectFrom('enterprise')
    .select(['id', 'name', 'archived_at'])
    .where('id', '=', id)
    .where(enterpriseVisible(access, today))
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, archived: row.archived_at !== null };
}

/** Visible, active enterprises whose registry name is one of `names`: name → ids (in chunks of 200). */
export async function findActiveEnterprisesByName(
  trx: Trx,
  access: Access,
  names: readonly string[],
  today: string,
): Promise<Map<string, string[]>> {
  const hits = new Map<string, string[]>();
  for (let i = 0; i < names.length; i += 200) {
    const rows = await trx
      .selectFrom('enterprise')
      .select(['id', 'name'])
      .where('name', 'in', names.slice(i, i + 200))
      .where('archived_at', 'is', null)
      .where(enterpriseVisible(access, today))
      .execute();
    for (const r of rows) hits.set(r.name, [...(hits.get(r.name) ?? []), r.id]);
  }
  return hits;
}
