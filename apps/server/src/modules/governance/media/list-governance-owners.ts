import type { GovernanceOwners } from '@tongxin/contracts';
import { sql } from 'kysely';
import type { Ctx } from '../../../context.js';
import { contactEnterpriseIds } from '../governance-access.js';

const LIMIT = 500;

/**
 * The choices for the matrix's forms and filters (names only): the enterprises and organisations the caller
 * may register accounts for, and the area committees (districts, parks) it sees.
 */
export async function listGovernanceOwners(ctx: Ctx): Promise<GovernanceOwners> {
  ctx.access.requireAnywhere('org.read');
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const own = await contactEnterpriseIds(trx, access);
    const manage = access.holdsAnywhere('governance.manage');
    const enterprises = await trx
      .selectFrom('enterprise')
      .select(['id', 'name'])
      .where('archived_at', 'is', null)
      .where((eb) => {
        const parts = [eb('enterprise.id', 'in', own.length ? own : ['-'])];
        if (manage) parts.push(eb.and([access.within('governance.manage', 'enterprise.area_org_id')]));
        return eb.or(parts);
      })
      .orderBy(sql`name_pinyin`)
      .limit(LIMIT)
      .execute();
    const orgs =
      manage || access.holdsAnywhere('governance.relay')
        ? await trx
            .selectFrom('org')
            .select(['id', 'name'])
            .where('status', '=', 'active')
            .where(access.within(['governance.manage', 'governance.relay'], 'org.id'))
            .orderBy(sql`name_pinyin`)
            .limit(LIMIT)
            .execute()
        : [];
    const districts = await trx
      .selectFrom('org')
      .select(['id', 'name'])
      .where('status', '=', 'active')
      .where('kind', '=', 'committee')
      .where('level', 'in', ['district', 'park'])
      .where(access.within('org.read', 'org.id'))
      .orderBy(sql`name_pinyin`)
      .limit(LIMIT)
      .execute();
    return { enterprises, orgs, districts };
  });
}
