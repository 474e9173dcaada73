import { type Expression, type SqlBool, sql } from 'kysely';
import type { Trx } from '../../platform/db/connect.js';

// The ledger's to-do reads (probations ending, dues arrears) and the savepoint each source runs under.

/**
 * Runs `fn` under a savepoint: when it throws, what it did is rolled back alone and the error passes on (on
 * PostgreSQL an error would otherwise abort the whole transaction).
 */
export async function inSavepoint<T>(trx: Trx, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint todo_source`.execute(trx);
  try {
    const result = await fn();
    await sql`release savepoint todo_source`.execute(trx);
    return result;
  } catch (err) {
    await sql`rollback to savepoint todo_source`.execute(trx);
    throw err;
  }
}

export interface ProbationaryMember {
  id: string;
  name: string;
  joinedOn: string;
  orgId: string;
  orgName: string;
}

/**
 * Probationary members within the scope (over `member.org_id`) admitted in (`admittedAfter`, `admittedBy`],
 * leaving out those whose development file is still open (reminded there), earliest first, at most `limit`.
 */
export async function probationaryAdmittedBetween(
  trx: Trx,
  f: { scope: Expression<SqlBool>; admittedAfter: string; admittedBy: string; limit: number },
): Promise<ProbationaryMember[]> {
  const rows = await trx
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.joined_on', 'member.org_id', 'org.name as org_name'])
    .where('member.status', '=', 'probationary')
    .where('member.archived_at', 'is', null)
    .where('member.joined_on', 'is not', null)
    .where('member.joined_on', '<=', f.admittedBy)
    .where('member.joined_on', '>', f.admittedAfter)
    .where(f.scope)
    // A member admitted through member development is reminded there, on the (possibly extended) probation end.
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('development')
            .select('development.id')
            .whereRef('development.member_id', '=', 'member.id')
            .where('development.status', '=', 'active'),
        ),
      ),
    )
    .orderBy('member.joined_on')
    .orderBy('member.id')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, joinedOn: r.joined_on!, orgId: r.org_id, orgName: r.org_name }));
}

/** Of these orgs, the active branches (branch, joint branch, general branch). */
export async function activeBranchesAmong(trx: Trx, orgIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  return trx
    .selectFrom('org')
    .select(['id', 'name'])
    .where('id', 'in', orgIds)
    .where('kind', 'in', ['branch', 'joint_branch', 'general_branch'])
    .where('status', '=', 'active')
    .execute();
}

/**
 * How many active members of a branch's subtree, members before `first` with a dues profile from `first`, have
 * paid nothing for the months `first`..`last` (a month reduced to nothing by an approved reduction is settled).
 */
export async function membersInArrears(
  trx: Trx,
  branchId: string,
  months: { first: string; last: string; joinedBefore: string },
) {
  const { first, last } = months;
  const counted = await trx
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where((eb) =>
      eb(
        'member.org_id',
        'in',
        eb.selectFrom('org_closure as c').select('c.descendant_id').where('c.ancestor_id', '=', branchId),
      ),
    )
    .where('member.archived_at', 'is', null)
    .where((eb) => eb.or([eb('member.joined_on', 'is', null), eb('member.joined_on', '<', months.joinedBefore)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('dues_profile as p')
          .select('p.id')
          .whereRef('p.member_id', '=', 'member.id')
          .where('p.from_month', '<=', first),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dues_payment as pay')
            .select('pay.id')
            .whereRef('pay.member_id', '=', 'member.id')
            .where('pay.revoked_at', 'is', null)
            .where('pay.month', '>=', first)
            .where('pay.month', '<=', last),
        ),
      ),
    )
    // A month reduced to nothing by an approved reduction is settled: it breaks the run.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dues_reduction as r')
            .select('r.id')
            .whereRef('r.member_id', '=', 'member.id')
            .where('r.status', '=', 'approved')
            .where('r.amount_fen', '=', 0)
            .where('r.from_month', '<=', last)
            .where('r.to_month', '>=', first),
        ),
      ),
    )
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}
