import { addMonths, type DuesCategory, type DuesReductionStatus, duesRulesFor, monthlyDues, monthOf } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type Insertable, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DuesPaymentTable, DuesProfileTable, DuesReductionTable } from '../../platform/db/tables/ledger.js';
import type { DB } from '../../platform/db/types.js';

/**
 * How far back the sheet looks for a run of unpaid months, the sheet month included (the warnings need 6; the
 * count shows up to this).
 */
export const ARREARS_LOOKBACK = 24;

export interface ProfileFacts {
  member_id: string;
  from_month: string;
  category: DuesCategory;
  base_fen: number | null;
  fixed_fen: number | null;
  set_at: string;
  id: string;
}

export interface ReductionFacts {
  id: string;
  member_id: string;
  from_month: string;
  to_month: string;
  amount_fen: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
}

export interface PaymentFacts {
  id: string;
  member_id: string;
  month: string;
  amount_fen: number;
  paid_on: string;
  note: string | null;
  large: boolean;
}

/** One member's dues facts over a window of months: every profile, the reductions and the standing payments. */
export interface MemberDuesFacts {
  profiles: ProfileFacts[];
  reductions: ReductionFacts[];
  payments: Map<string, PaymentFacts>;
}

export interface MonthDue {
  profile: ProfileFacts | null;
  /** The amount by the rules (null without a profile). */
  standardFen: number | null;
  /** After an approved reduction. */
  dueFen: number | null;
  reduction: ReductionFacts | null;
  reductionPending: boolean;
}

/** The profile in force in a month: the latest `from_month` not after it, the last one set winning a tie. */
export function profileAt(profiles: readonly ProfileFacts[], month: string): ProfileFacts | null {
  let found: ProfileFacts | null = null;
  for (const p of profiles) {
    if (p.from_month > month) continue;
    if (
      !found ||
      p.from_month > found.from_month ||
      (p.from_month === found.from_month && (p.set_at > found.set_at || (p.set_at === found.set_at && p.id > found.id)))
    )
      found = p;
  }
  return found;
}

/** What a member owes for one month: the rules in force then, applied to the profile, then any approved reduction. */
export function monthDue(facts: Pick<MemberDuesFacts, 'profiles' | 'reductions'>, month: string): MonthDue {
  const profile = profileAt(facts.profiles, month);
  const standardFen = profile
    ? monthlyDues({ category: profile.category, baseFen: profile.base_fen, fixedFen: profile.fixed_fen }, duesRulesFor(month))
    : null;
  const covering = facts.reductions.filter((r) => r.from_month <= month && r.to_month >= month);
  const reduction = covering.find((r) => r.status === 'approved') ?? null;
  return {
    profile,
    standardFen,
    dueFen: reduction ? reduction.amount_fen : standardFen,
    reduction,
    reductionPending: covering.some((r) => r.status === 'pending'),
  };
}

/** The month a member begins to pay: admission (probationary members pay from it), else the first profile. */
export function startMonth(joinedOn: string | null, profiles: readonly ProfileFacts[]): string | null {
  return joinedOn ? monthOf(joinedOn) : firstProfileMonth(profiles);
}

/** The month of a member's first dues profile (null without one): arrears never count before it. */
export function firstProfileMonth(profiles: readonly ProfileFacts[]): string | null {
  let first: string | null = null;
  for (const p of profiles) if (first === null || p.from_month < first) first = p.from_month;
  return first;
}

type MemberWhere = (eb: ExpressionBuilder<DB, 'member'>) => Expression<SqlBool>;

/**
 * Loads the dues facts of the members a condition selects, for the months from `from` to `to`: three queries,
 * each driven by the same member condition (never a list of ids, so the size of a subtree is no limit).
 */
export async function loadDuesFacts(
  db: Db | Trx,
  members: MemberWhere,
  from: string,
  to: string,
): Promise<Map<string, MemberDuesFacts>> {
  const ids = db.selectFrom('member').select('member.id').where(members);
  const [profiles, reductions, payments] = await Promise.all([
    db
      .selectFrom('dues_profile')
      .select(['id', 'member_id', 'from_month', 'category', 'base_fen', 'fixed_fen', 'set_at'])
      .where('member_id', 'in', ids)
      .where('from_month', '<=', to)
      .execute(),
    db
      .selectFrom('dues_reduction')
      .select(['id', 'member_id', 'from_month', 'to_month', 'amount_fen', 'reason', 'status'])
      .where('member_id', 'in', ids)
      .where('status', 'in', ['pending', 'approved'])
      .where('from_month', '<=', to)
      .where('to_month', '>=', from)
      .execute(),
    db
      .selectFrom('dues_payment')
      .select(['id', 'member_id', 'month', 'amount_fen', 'paid_on', 'note', 'large'])
      .where('member_id', 'in', ids)
      .where('revoked_at', 'is', null)
      .where('month', '>=', from)
      .where('month', '<=', to)
      .execute(),
  ]);
  const out = new Map<string, MemberDuesFacts>();
  const of = (id: string) => {
    let f = out.get(id);
    if (!f) {
      f = { profiles: [], reductions: [], payments: new Map() };
      out.set(id, f);
    }
    return f;
  };
  for (const p of profiles) of(p.member_id).profiles.push(p);
  for (const r of reductions) of(r.member_id).reductions.push(r);
  for (const p of payments) of(p.member_id).payments.set(p.month, { ...p, large: p.large === 1 });
  return out;
}

export const emptyFacts = (): MemberDuesFacts => ({ profiles: [], reductions: [], payments: new Map() });

/** The first month the sheet's arrears count looks at for a sheet month. */
export const lookbackFrom = (month: string) => addMonths(month, -(ARREARS_LOOKBACK - 1));

/** The org a reduction belongs to (a group's requests are its branch's) and the org one level up that decides. */
export async function reductionOrgs(db: Db | Trx, memberOrgId: string): Promise<{ orgId: string; approverOrgId: string }> {
  const org = await db
    .selectFrom('org')
    .select(['id', 'kind', 'parent_id'])
    .where('id', '=', memberOrgId)
    .executeTakeFirstOrThrow();
  let branch = org;
  if (org.kind === 'group' && org.parent_id) {
    branch = await db
      .selectFrom('org')
      .select(['id', 'kind', 'parent_id'])
      .where('id', '=', org.parent_id)
      .executeTakeFirstOrThrow();
  }
  // The city committee has no level above it: its own committee decides.
  return { orgId: branch.id, approverOrgId: branch.parent_id ?? branch.id };
}

/** A member as the dues use cases check it. */
export async function findDuesMember(db: Db | Trx, id: string) {
  return db
    .selectFrom('member')
    .select(['id', 'name', 'org_id', 'joined_on', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A member with its org's name (the member's dues page). */
export async function findDuesMemberWithOrg(db: Db | Trx, id: string) {
  return db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.org_id', 'member.joined_on', 'org.name as org_name'])
    .where('member.id', '=', id)
    .executeTakeFirst();
}

/** These members, if they lie in the subtree of `orgId` (archived ones included: the caller decides). */
export async function findMembersUnder(db: Db | Trx, ids: string[], orgId: string) {
  return db
    .selectFrom('member')
    .select(['id', 'name', 'org_id', 'joined_on', 'archived_at'])
    .where('id', 'in', ids)
    .where(sql<boolean>`org_id in (select sub.descendant_id from org_closure as sub where sub.ancestor_id = ${orgId})`)
    .execute();
}

/**
 * The members a dues sheet covers: active, in the subtree of `orgId`, already members in `month`, and within
 * `scope` when the caller does not hold the subtree whole.
 */
export function sheetMemberCondition(orgId: string, month: string, scope: Expression<SqlBool> | null): MemberWhere {
  return (eb) => {
    const all: Expression<SqlBool>[] = [
      sql<SqlBool>`member.org_id in (select sub.descendant_id from org_closure as sub where sub.ancestor_id = ${orgId})`,
      eb('member.archived_at', 'is', null),
      eb.or([eb('member.joined_on', 'is', null), eb('member.joined_on', '<=', `${month}-31`)]),
    ];
    if (scope) all.push(scope);
    return eb.and(all);
  };
}

export async function countSheetMembers(db: Db | Trx, where: MemberWhere): Promise<number> {
  const counted = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

/** The sheet's members in org, then name order. */
export async function findSheetMembers(db: Db | Trx, where: MemberWhere) {
  return db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.org_id', 'org.name as org_name', 'member.status', 'member.joined_on'])
    .where(where)
    .orderBy('org.name_pinyin')
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .execute();
}

/** Every profile of a member, newest first. */
export async function findProfiles(db: Db | Trx, memberId: string) {
  return db
    .selectFrom('dues_profile')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('from_month', 'desc')
    .orderBy('set_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** A member's profiles as dues facts (any order). */
export async function findProfileFacts(db: Db | Trx, memberId: string): Promise<ProfileFacts[]> {
  return db
    .selectFrom('dues_profile')
    .select(['id', 'member_id', 'from_month', 'category', 'base_fen', 'fixed_fen', 'set_at'])
    .where('member_id', '=', memberId)
    .execute();
}

/** A member's latest payments (revoked ones included), newest month first. */
export async function findPayments(db: Db | Trx, memberId: string, limit: number) {
  const rows = await db
    .selectFrom('dues_payment')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('month', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, large: r.large === 1 }));
}

export async function insertProfiles(trx: Trx, rows: Insertable<DuesProfileTable>[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await trx
      .insertInto('dues_profile')
      .values(rows.slice(i, i + chunk))
      .execute();
}

export type NewPayment = Omit<DuesPaymentTable, 'large'> & { large: boolean };

export async function insertPayments(trx: Trx, rows: NewPayment[], chunk = 200): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await trx
      .insertInto('dues_payment')
      .values(rows.slice(i, i + chunk).map((r) => ({ ...r, large: r.large ? 1 : 0 })))
      .execute();
}

export async function findPayment(db: Db | Trx, id: string) {
  return db
    .selectFrom('dues_payment')
    .select(['id', 'month', 'amount_fen', 'revoked_at', 'member_id', 'org_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Marks a standing payment revoked; false when it was revoked already (two revokes racing). */
export async function revokePaymentRow(
  trx: Trx,
  id: string,
  r: { at: string; byName: string; reason: string },
): Promise<boolean> {
  const updated = await trx
    .updateTable('dues_payment')
    .set({ revoked_at: r.at, revoked_by_name: r.byName, revoke_reason: r.reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export async function findReduction(db: Db | Trx, id: string) {
  return db
    .selectFrom('dues_reduction')
    .select(['id', 'member_id', 'org_id', 'approver_org_id', 'status', 'requested_by', 'from_month', 'to_month', 'amount_fen'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A pending or approved reduction of the member overlapping the months, if any. */
export async function findOverlappingReduction(db: Db | Trx, memberId: string, from: string, to: string) {
  return db
    .selectFrom('dues_reduction')
    .select(['from_month', 'to_month'])
    .where('member_id', '=', memberId)
    .where('status', 'in', ['pending', 'approved'])
    .where('from_month', '<=', to)
    .where('to_month', '>=', from)
    .executeTakeFirst();
}

export async function insertReduction(trx: Trx, row: Insertable<DuesReductionTable>): Promise<void> {
  await trx.insertInto('dues_reduction').values(row).execute();
}

/** Decides a pending reduction; false when it was decided already (two deciders racing). */
export async function decideReductionRow(
  trx: Trx,
  id: string,
  d: { status: 'approved' | 'rejected'; at: string; by: string; byName: string; note: string | null },
): Promise<boolean> {
  const updated = await trx
    .updateTable('dues_reduction')
    .set({ status: d.status, decided_at: d.at, decided_by: d.by, decided_by_name: d.byName, decision_note: d.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

/**
 * Reductions the user deals with: those of branches where they keep the dues (dues.manage), and those waiting
 * at an org where they approve (dues.approve); optionally under one org or in one status. Pending first.
 */
export async function findReductions(
  db: Db | Trx,
  access: Access,
  f: { orgId?: string | undefined; status?: DuesReductionStatus | undefined },
  limit: number,
) {
  return (
    db
      .selectFrom('dues_reduction as r')
      .innerJoin('member', 'member.id', 'r.member_id')
      .innerJoin('org', 'org.id', 'r.org_id')
      .select([
        'r.id',
        'r.member_id',
        'member.name as member_name',
        'r.org_id',
        'org.name as org_name',
        'r.approver_org_id',
        'r.from_month',
        'r.to_month',
        'r.amount_fen',
        'r.reason',
        'r.status',
        'r.requested_at',
        'r.requested_by',
        'r.requested_by_name',
        'r.decided_at',
        'r.decided_by_name',
        'r.decision_note',
      ])
      .where((eb) => {
        const all: Expression<SqlBool>[] = [
          eb.or([access.within('dues.manage', 'r.org_id'), access.within('dues.approve', 'r.approver_org_id')]),
        ];
        if (f.orgId) {
          all.push(
            sql<SqlBool>`r.org_id in (select sub.descendant_id from org_closure as sub where sub.ancestor_id = ${f.orgId})`,
          );
        }
        if (f.status) all.push(eb('r.status', '=', f.status));
        return eb.and(all);
      })
      // Pending first, then the newest.
      .orderBy(sql`case when r.status = 'pending' then 0 else 1 end`)
      .orderBy('r.requested_at', 'desc')
      .limit(limit)
      .execute()
  );
}
