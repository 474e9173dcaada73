import type { ExpressionBuilder } from 'kysely';
import type { Access } from '../../../access/access.js';
import type { Db, Trx } from '../../../platform/db/connect.js';
import type { DB } from '../../../platform/db/types.js';
import type { memberConditions } from '../member-filter.js';

type Where = Awaited<ReturnType<typeof memberConditions>>;

/** A keyset position: the last row's pinyin and id. */
export type ExportKey = { pinyin: string; id: string };

const COLUMNS = [
  'member.id',
  'member.name',
  'member.name_pinyin',
  'member.gender',
  'member.ethnicity',
  'member.birth_date',
  'member.id_number_masked',
  'member.education',
  'member.joined_on',
  'member.full_on',
  'member.status',
  'member.employer_name',
  'member.position',
  'member.phone_masked',
  'member.mobility',
  'member.talent_industry_leader',
  'member.talent_founder',
  'member.talent_key_dept_head',
  'member.remarks',
] as const;

const after =
  (pinyin: 'org.name_pinyin' | 'member.name_pinyin', id: 'org.id' | 'member.id', key: ExportKey | null) =>
  // A row-value comparison, so that both engines seek the index instead of rescanning what came before.
  (eb: ExpressionBuilder<DB, 'org' | 'member'>) =>
    key ? eb(eb.refTuple(pinyin, id), '>', eb.tuple(key.pinyin, key.id)) : eb.lit(true);

/** DP-07's row cap: is there a member beyond the limit among those the filter and the export scope allow? */
export async function exportsBeyond(db: Db | Trx, access: Access, where: Where, cap: number): Promise<boolean> {
  const beyond = await db
    .selectFrom('member')
    .select('member.id')
    .where(where)
    .where(access.scope('member.export', 'member.org_id'))
    .orderBy('member.id')
    .limit(1)
    .offset(cap)
    .executeTakeFirst();
  return beyond !== undefined;
}

/** The orgs to export, in name order: where the user may read and export, under the filtered org, with members. */
export async function findExportOrgs(
  db: Db | Trx,
  access: Access,
  f: { orgId?: string | undefined; archived?: boolean | undefined },
  key: ExportKey | null,
  limit: number,
) {
  return db
    .selectFrom('org')
    .select(['org.id', 'org.name', 'org.name_pinyin'])
    .where(access.scope('member.read', 'org.id'))
    .where(access.scope('member.export', 'org.id'))
    .$if(f.orgId !== undefined, (q) =>
      q.where('org.id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', f.orgId!)),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('member')
          .select('member.id')
          .whereRef('member.org_id', '=', 'org.id')
          .where('member.archived_at', f.archived ? 'is not' : 'is', null),
      ),
    )
    .where((eb) => after('org.name_pinyin', 'org.id', key)(eb as ExpressionBuilder<DB, 'org' | 'member'>))
    .orderBy('org.name_pinyin')
    .orderBy('org.id')
    .limit(limit)
    .execute();
}

/** One org's members in name order, in keyset pages: each page reads one org's rows, never the whole scope. */
export async function findExportMembers(db: Db | Trx, orgId: string, where: Where, key: ExportKey | null, limit: number) {
  return db
    .selectFrom('member')
    .select(COLUMNS)
    .where('member.org_id', '=', orgId)
    .where(where)
    .where((eb) => after('member.name_pinyin', 'member.id', key)(eb as ExpressionBuilder<DB, 'org' | 'member'>))
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .limit(limit)
    .execute();
}

export type ExportRow = Awaited<ReturnType<typeof findExportMembers>>[number];
