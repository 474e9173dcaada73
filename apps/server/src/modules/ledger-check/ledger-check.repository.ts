import { MEMBER_ORG_KINDS } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';

export type MemberWhere = (eb: ExpressionBuilder<DB, 'member'>) => Expression<SqlBool>;
export type OrgWhere = (eb: ExpressionBuilder<DB, 'org'>) => Expression<SqlBool>;

/** The orgs a check covers: within the user's member.read scope, and under `orgId` when given. */
export function orgScope(access: Access, orgId: string | undefined): OrgWhere {
  const all: Expression<SqlBool>[] = [access.within('member.read', 'org.id')];
  if (orgId) {
    all.push(sql<SqlBool>`org.id in (select sub.descendant_id from org_closure as sub where sub.ancestor_id = ${orgId})`);
  }
  return (eb) => eb.and(all);
}

/** One keyset batch (by id) of the records the conditions select, with what the member rules read. */
export async function findMemberBatch(db: Db | Trx, where: MemberWhere, after: string | null, limit: number) {
  return (
    db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      // An extended probation is recorded on the development file that admitted the member.
      .leftJoin('development', 'development.member_id', 'member.id')
      .select([
        'development.probation_ends_on',
        'member.id',
        'member.name',
        'member.org_id',
        'org.name as org_name',
        'member.id_number_enc',
        'member.id_number_masked',
        'member.birth_date',
        'member.gender',
        'member.ethnicity',
        'member.education',
        'member.phone_enc',
        'member.joined_on',
        'member.full_on',
        'member.status',
      ])
      .where(where)
      .$if(after !== null, (q) => q.where('member.id', '>', after!))
      .orderBy('member.id')
      .limit(limit)
      .execute()
  );
}

export interface DuplicateCandidate {
  id: string;
  name: string;
  org_id: string;
  org_name: string;
  id_number_masked: string | null;
  birth_date: string | null;
  id_number_index: string | null;
  /** How many active records in scope share the name and birth date, and the ID number's index. */
  same_person: number;
  same_id: number;
}

/**
 * The active records the conditions select that share the name and birth date, or the ID number's blind
 * index, with another. One query: window counts pick the records that share either key.
 */
export async function findDuplicateCandidates(db: Db | Trx, where: MemberWhere): Promise<DuplicateCandidate[]> {
  const counted = db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select((eb) => [
      'member.id',
      'member.name',
      'member.org_id',
      'org.name as org_name',
      'member.id_number_masked',
      'member.birth_date',
      'member.id_number_index',
      eb.fn
        .countAll<number | string>()
        .over((ob) => ob.partitionBy(['member.name', 'member.birth_date']))
        .as('same_person'),
      eb.fn
        .countAll<number | string>()
        .over((ob) => ob.partitionBy('member.id_number_index'))
        .as('same_id'),
    ])
    .where(where);
  const rows = await db
    .selectFrom(counted.as('m'))
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('m.same_person', '>', 1), eb('m.birth_date', 'is not', null)]),
        eb.and([eb('m.same_id', '>', 1), eb('m.id_number_index', 'is not', null)]),
      ]),
    )
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ ...r, same_person: Number(r.same_person), same_id: Number(r.same_id) }));
}

/** The active orgs that keep members among those the conditions select, with full members and committee size. */
export async function findCheckedOrgs(db: Db | Trx, where: OrgWhere) {
  const rows = await db
    .selectFrom('org')
    .select((eb) => [
      'org.id',
      'org.name',
      'org.kind',
      eb
        .selectFrom('member')
        .select((c) => c.fn.countAll<number | string>().as('n'))
        .whereRef('member.org_id', '=', 'org.id')
        .where('member.status', '=', 'full')
        .where('member.archived_at', 'is', null)
        .as('full_members'),
      eb
        .selectFrom('org_committee')
        .innerJoin('committee_member', 'committee_member.committee_id', 'org_committee.id')
        .select((c) => c.fn.countAll<number | string>().as('n'))
        .whereRef('org_committee.org_id', '=', 'org.id')
        .where('org_committee.superseded_at', 'is', null)
        .as('committee_size'),
    ])
    .where('org.status', '=', 'active')
    .where('org.kind', 'in', MEMBER_ORG_KINDS)
    .where(where)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    fullMembers: Number(r.full_members ?? 0),
    committeeSize: Number(r.committee_size ?? 0),
  }));
}
