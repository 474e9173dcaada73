import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Access } from '../../../access/access.js';
import { enterpriseVisible } from '../../../access/enterprise-scope.js';
import type { Db, Trx } from '../../../platform/db/connect.js';
import type { PledgeTable } from '../../../platform/db/types.js';
import { under } from '../governance-access.js';

export type PledgeRow = Selectable<PledgeTable> & { org_name: string };

export async function findPledge(db: Db | Trx, id: string): Promise<PledgeRow | undefined> {
  return db
    .selectFrom('pledge')
    .innerJoin('org', 'org.id', 'pledge.org_id')
    .selectAll('pledge')
    .select('org.name as org_name')
    .where('pledge.id', '=', id)
    .executeTakeFirst();
}

export async function listPledgeRows(db: Db | Trx): Promise<PledgeRow[]> {
  return db
    .selectFrom('pledge')
    .innerJoin('org', 'org.id', 'pledge.org_id')
    .selectAll('pledge')
    .select('org.name as org_name')
    .orderBy('pledge.created_at', 'desc')
    .orderBy('pledge.id')
    .limit(200)
    .execute();
}

export async function pledgeVersions(db: Db | Trx, pledgeId: string) {
  return db.selectFrom('pledge_version').selectAll().where('pledge_id', '=', pledgeId).orderBy('version', 'desc').execute();
}

export interface SignatureLine {
  enterprise_id: string;
  enterprise_name: string;
  district_id: string | null;
  district_name: string | null;
  signed_version: number | null;
  signed_at: string | null;
  signed_by_name: string | null;
}

/**
 * The enterprises asked to sign a pledge (live, with their area under the publishing committee) that the caller
 * sees by the one enterprise rule, each with its latest signature.
 */
export async function signatureLines(
  db: Db | Trx,
  access: Access,
  p: { pledgeId: string; orgId: string; today: string; only?: readonly string[]; districtId?: string },
): Promise<SignatureLine[]> {
  const rows = await db
    .selectFrom('enterprise')
    .leftJoin('org as district', 'district.id', 'enterprise.district_org_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('pledge_signature')
          .select(['enterprise_id', (e) => e.fn.max('version').as('v')])
          .where('pledge_id', '=', p.pledgeId)
          .groupBy('enterprise_id')
          .as('latest'),
      (j) => j.onRef('latest.enterprise_id', '=', 'enterprise.id'),
    )
    .leftJoin('pledge_signature as sig', (j) =>
      j
        .onRef('sig.enterprise_id', '=', 'enterprise.id')
        .onRef('sig.version', '=', 'latest.v')
        .on('sig.pledge_id', '=', p.pledgeId),
    )
    .select([
      'enterprise.id as enterprise_id',
      'enterprise.name as enterprise_name',
      'district.id as district_id',
      'district.name as district_name',
      'sig.version as signed_version',
      'sig.signed_at',
      'sig.signed_by_name',
    ])
    .where('enterprise.archived_at', 'is', null)
    .where(under(p.orgId, 'enterprise.area_org_id'))
    .where(enterpriseVisible(access, p.today))
    .$if(p.only !== undefined, (q) => q.where('enterprise.id', 'in', p.only!.length ? p.only! : ['-']))
    .$if(p.districtId !== undefined, (q) => q.where(under(p.districtId!, 'enterprise.area_org_id')))
    .orderBy(sql`enterprise.name_pinyin`)
    .orderBy('enterprise.id')
    .execute();
  return rows.map((r) => ({ ...r, signed_version: r.signed_version === null ? null : Number(r.signed_version) }));
}
