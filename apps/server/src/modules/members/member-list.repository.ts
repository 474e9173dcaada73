import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';

type Where = (eb: ExpressionBuilder<DB, 'member'>) => Expression<SqlBool>;

/** What a list row shows of a member, with its org's name. */
const memberSummaryColumns = [
  'member.id',
  'member.org_id',
  'member.name',
  'member.gender',
  'member.birth_date',
  'member.id_number_masked',
  'member.phone_masked',
  'member.education',
  'member.status',
  'member.mobility',
  'member.joined_on',
  'member.full_on',
  'member.archived_at',
  'org.name as org_name',
] as const;

/** Sort keys map to columns through this allowlist (IN-03); the id breaks ties so pages never overlap. */
const SORTS = {
  name: ['member.name_pinyin', 'asc'],
  joinedOn: ['member.joined_on', 'asc'],
  '-joinedOn': ['member.joined_on', 'desc'],
  birthDate: ['member.birth_date', 'asc'],
  '-birthDate': ['member.birth_date', 'desc'],
} as const;

export type MemberSort = keyof typeof SORTS;

export async function findMemberPage(db: Db | Trx, where: Where, sort: MemberSort, page: { limit: number; offset: number }) {
  const [column, direction] = SORTS[sort];
  return db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(memberSummaryColumns)
    .where(where)
    .orderBy(column, direction)
    .orderBy('member.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countMembers(db: Db | Trx, where: Where): Promise<number> {
  const counted = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

/** The kept subtree counts (org_member_count) summed over these orgs, or over the roots when `orgIds` is null. */
export async function sumSubtreeCounts(db: Db | Trx, orgIds: string[] | null): Promise<number> {
  const counts = db
    .selectFrom('org_member_count')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('subtree'), eb.lit(0)).as('n'));
  const roots = db.selectFrom('org').select('id').where('parent_id', 'is', null);
  const row = await (orgIds === null
    ? counts.where('org_id', 'in', roots)
    : counts.where('org_id', 'in', orgIds)
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One org's kept subtree count. */
export async function subtreeCount(db: Db | Trx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('org_member_count')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('subtree'), eb.lit(0)).as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The kept direct counts (each org's own members) summed over these orgs. */
export async function sumDirectCounts(db: Db | Trx, orgIds: string[]): Promise<number> {
  const row = await db
    .selectFrom('org_member_count')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('direct'), eb.lit(0)).as('n'))
    .where('org_id', 'in', orgIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
