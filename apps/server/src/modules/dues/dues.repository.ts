import { addMonths, type DuesCategory, duesRulesFor, monthlyDues, monthOf } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
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
  large: number;
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
  for (const p of payments) of(p.member_id).payments.set(p.month, p);
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
