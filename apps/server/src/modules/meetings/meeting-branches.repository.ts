import { MEETING_BRANCH_KINDS, MEETING_KINDS, type MeetingKind, ORG_RULES } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';

// The orgs, members and committees meetings are about, read the way the meeting rules need them.

/** A branch as compliance and the to-do source see it: whether it has groups and a committee (asked or not). */
export interface MeetingBranch {
  id: string;
  name: string;
  foundedOn: string | null;
  createdAt: string;
  hasGroups: boolean;
  /** Whether it has a branch committee (≥ 3 members): only then is it asked for committee meetings. */
  hasCommittee: boolean;
}

/** A branch with its rollup row of one year: per kind (in MEETING_KINDS order), months held and periods made up. */
export interface MeetingBranchYear extends MeetingBranch {
  held: number[];
  madeUp: number[];
}

const hasGroupsSql = sql<number>`case when exists (select 1 from org as g where g.parent_id = o.id and g.status = 'active' and g.kind = 'group') then 1 else 0 end`;

/**
 * A branch committee of at least the minimum size (a branch under 7 full members has a secretary, not a
 * committee, and holds no 支委会), as a column of the branch query.
 */
const hasCommitteeSql = sql<number>`case when (select count(*) from org_committee as oc inner join committee_member as cm on cm.committee_id = oc.id where oc.org_id = o.id and oc.superseded_at is null) >= ${sql.lit(ORG_RULES.committeeMinSize)} then 1 else 0 end`;

/** The rollup's columns in MEETING_KINDS order: held, then made up, per kind. */
const TALLY_COLUMNS = MEETING_KINDS.flatMap((k) => [`y.${k}_held`, `y.${k}_made_up`]) as `y.${MeetingKind}_held`[];

/**
 * Everything the compliance grid and its gaps need, in one read: the active branches of an org's subtree within
 * the caller's scope over `o.id`, each joined to its row of the year's rollup (meeting_year, by primary key).
 */
export async function listBranchYears(
  db: Db | Trx,
  orgId: string,
  year: number,
  scope: Expression<SqlBool>,
): Promise<MeetingBranchYear[]> {
  const rows = await db
    .selectFrom('org as o')
    .innerJoin('org_closure as c', 'c.descendant_id', 'o.id')
    .leftJoin('meeting_year as y', (j) => j.onRef('y.branch_id', '=', 'o.id').on('y.year', '=', year))
    .select([
      'o.id',
      'o.name',
      'o.founded_on',
      'o.created_at',
      hasGroupsSql.as('has_groups'),
      hasCommitteeSql.as('has_committee'),
    ])
    .select(TALLY_COLUMNS)
    .where('c.ancestor_id', '=', orgId)
    .where('o.kind', 'in', MEETING_BRANCH_KINDS)
    .where('o.status', '=', 'active')
    .where(scope)
    .orderBy('o.name_pinyin')
    .orderBy('o.id')
    .execute();
  return rows.map((b) => {
    const r = b as unknown as Record<string, number | null>;
    return {
      id: b.id,
      name: b.name,
      foundedOn: b.founded_on,
      createdAt: b.created_at,
      hasGroups: Number(b.has_groups) === 1,
      hasCommittee: Number(b.has_committee) === 1,
      held: MEETING_KINDS.map((k) => Number(r[`${k}_held`] ?? 0)),
      madeUp: MEETING_KINDS.map((k) => Number(r[`${k}_made_up`] ?? 0)),
    };
  });
}

/** Active branches within the caller's scope over `o.id`, by pinyin, at most `limit`. */
export async function listScopedBranches(trx: Trx, scope: Expression<SqlBool>, limit: number): Promise<MeetingBranch[]> {
  const rows = await trx
    .selectFrom('org as o')
    .select([
      'o.id',
      'o.name',
      'o.founded_on',
      'o.created_at',
      hasGroupsSql.as('has_groups'),
      hasCommitteeSql.as('has_committee'),
    ])
    .where('o.kind', 'in', MEETING_BRANCH_KINDS)
    .where('o.status', '=', 'active')
    .where(scope)
    .orderBy('o.name_pinyin')
    .limit(limit)
    .execute();
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    foundedOn: b.founded_on,
    createdAt: b.created_at,
    hasGroups: Number(b.has_groups) === 1,
    hasCommittee: Number(b.has_committee) === 1,
  }));
}

/** Per branch and kind (`branchId|kind`), the months held in a year, from the rollup. */
export async function heldMonths(trx: Trx, year: number, branchIds: string[]): Promise<Map<string, number>> {
  const tallies = await trx
    .selectFrom('meeting_year')
    .selectAll()
    .where('year', '=', year)
    .where('branch_id', 'in', branchIds)
    .execute();
  const held = new Map<string, number>();
  for (const t of tallies) {
    const r = t as unknown as Record<string, number>;
    for (const kind of MEETING_KINDS) held.set(`${t.branch_id}|${kind}`, Number(r[`${kind}_held`] ?? 0));
  }
  return held;
}

/** An active member under an org (itself and its subtree) with their status and 转正 date. */
export interface MemberUnder {
  id: string;
  name: string;
  status: string;
  fullOn: string | null;
}

/** The active members of an org's subtree, by pinyin. */
export async function activeMembersUnder(db: Db | Trx, orgId: string): Promise<MemberUnder[]> {
  const rows = await db
    .selectFrom('member')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.status', 'member.full_on'])
    .where('org_closure.ancestor_id', '=', orgId)
    .where('member.archived_at', 'is', null)
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, fullOn: r.full_on }));
}

/** The current committee's member names (committee members are kept by name, with no ledger link). */
export async function committeeNames(db: Db | Trx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_committee')
    .innerJoin('committee_member', 'committee_member.committee_id', 'org_committee.id')
    .select('committee_member.name')
    .where('org_committee.org_id', '=', orgId)
    .where('org_committee.superseded_at', 'is', null)
    .execute();
  return rows.map((r) => r.name);
}

/** The city committee (the tree's top committee) whose admins set the frequencies: the rules are city-wide. */
export async function cityCommitteeIds(db: Db | Trx): Promise<string[]> {
  const rows = await db.selectFrom('org').select('id').where('parent_id', 'is', null).where('kind', '=', 'committee').execute();
  return rows.map((r) => r.id);
}
