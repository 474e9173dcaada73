import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Access } from '../../../access/access.js';
import { enterpriseVisible } from '../../../access/enterprise-scope.js';
import type { Db, Trx } from '../../../platform/db/connect.js';
import type { DB } from '../../../platform/db/types.js';

/**
 * Which accounts of the matrix the caller sees: an enterprise's by the one enterprise rule (a contact: only its
 * own enterprise's); an organisation's with governance.manage or governance.relay at or above it.
 */
export function mediaVisible(eb: ExpressionBuilder<DB, 'media_account'>, access: Access, today: string): Expression<SqlBool> {
  const enterprises = eb.selectFrom('enterprise').select('enterprise.id').where(enterpriseVisible(access, today));
  return eb.or([
    eb.and([eb('media_account.owner_kind', '=', 'enterprise'), eb('media_account.enterprise_id', 'in', enterprises)]),
    eb.and([
      eb('media_account.owner_kind', '=', 'org'),
      access.scope(['governance.manage', 'governance.relay'], 'media_account.owner_org_id'),
    ]),
  ]);
}

export function selectMediaAccounts(db: Db | Trx) {
  return db
    .selectFrom('media_account')
    .leftJoin('enterprise', 'enterprise.id', 'media_account.enterprise_id')
    .leftJoin('org as owner_org', 'owner_org.id', 'media_account.owner_org_id')
    .innerJoin('org as area', 'area.id', 'media_account.area_org_id')
    .selectAll('media_account')
    .select(['enterprise.name as enterprise_name', 'owner_org.name as owner_org_name', 'area.name as area_name']);
}

export type MediaAccountRow = Awaited<ReturnType<ReturnType<typeof selectMediaAccounts>['executeTakeFirstOrThrow']>>;

/** The nearest committee at or above an org: an org-owned account's area. */
export async function nearestCommittee(db: Db | Trx, orgId: string): Promise<string> {
  const row = await db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select('org.id')
    .where('org_closure.descendant_id', '=', orgId)
    .where('org.kind', '=', 'committee')
    .orderBy('org_closure.depth')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? orgId;
}

export const byName = sql`media_account.platform, media_account.name, media_account.id`;
