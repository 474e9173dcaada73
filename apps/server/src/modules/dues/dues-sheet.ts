import {
  arrearsLevel,
  arrearsStart,
  consecutiveUnpaid,
  type DuesSheet,
  type DuesSheetRow,
  duesRulesFor,
  monthOf,
  paymentMonthIssue,
} from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { coversSubtree } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { DB } from '../../platform/db/types.js';
import { invalid } from '../../platform/http/errors.js';
import {
  ARREARS_LOOKBACK,
  emptyFacts,
  firstProfileMonth,
  loadDuesFacts,
  lookbackFrom,
  monthDue,
  startMonth,
} from './dues.repository.js';

/** A sheet is for one branch or committee at a time; beyond this many members, pick a lower org. */
export const SHEET_MAX_MEMBERS = 3000;

/**
 * The members a dues sheet of `orgId` covers: active, in the org's subtree, within the user's dues scope,
 * and already members in the sheet's month. Authorizes the org first (404 when invisible, 403 when not allowed).
 */
export async function sheetMembers(ctx: Ctx, orgId: string, month: string) {
  const access = ctx.access;
  await access.authorize('dues.manage', orgId, '党组织');
  const whole = await coversSubtree(access, 'dues.manage', orgId, ctx.db);
  const scope = whole ? null : access.within('dues.manage', 'member.org_id');
  return (eb: ExpressionBuilder<DB, 'member'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [
      sql<SqlBool>`member.org_id in (select sub.descendant_id from org_closure as sub where sub.ancestor_id = ${orgId})`,
      eb('member.archived_at', 'is', null),
      eb.or([eb('member.joined_on', 'is', null), eb('member.joined_on', '<=', `${month}-31`)]),
    ];
    if (scope) all.push(scope);
    return eb.and(all);
  };
}

/** A branch's monthly dues sheet: each member's amount due, payment, reduction and run of unpaid months. */
export async function duesSheet(ctx: Ctx, orgId: string, month: string): Promise<DuesSheet> {
  const where = await sheetMembers(ctx, orgId, month);
  const counted = await ctx.db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  if (Number(counted.n) > SHEET_MAX_MEMBERS) {
    throw invalid('orgId', `该组织下有${counted.n}名党员，超过党费收缴表的${SHEET_MAX_MEMBERS}人上限，请选择下级组织`);
  }
  const [org, members, facts] = await Promise.all([
    ctx.db.selectFrom('org').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select(['member.id', 'member.name', 'member.org_id', 'org.name as org_name', 'member.status', 'member.joined_on'])
      .where(where)
      .orderBy('org.name_pinyin')
      .orderBy('member.name_pinyin')
      .orderBy('member.id')
      .execute(),
    loadDuesFacts(ctx.db, where, lookbackFrom(month), month),
  ]);
  const rules = duesRulesFor(month);
  const currentMonth = monthOf(beijingDate(ctx.clock.now()));
  const items: DuesSheetRow[] = members.map((m) => {
    const f = facts.get(m.id) ?? emptyFacts();
    const due = monthDue(f, month);
    const start = startMonth(m.joined_on, f.profiles);
    const payment = f.payments.get(month) ?? null;
    // Arrears count from the first profile (no amount was set before it) and never before admission; a month
    // is settled when paid, or when an approved reduction leaves nothing to pay; the current month is still open.
    const arrears = consecutiveUnpaid(
      month,
      currentMonth,
      arrearsStart(m.joined_on ? monthOf(m.joined_on) : null, firstProfileMonth(f.profiles)),
      (mm) => f.payments.has(mm) || monthDue(f, mm).dueFen === 0,
      ARREARS_LOOKBACK,
    );
    return {
      memberId: m.id,
      name: m.name,
      orgId: m.org_id,
      orgName: m.org_name,
      status: m.status,
      startMonth: start,
      category: due.profile?.category ?? null,
      baseFen: due.profile?.base_fen ?? null,
      fixedFen: due.profile?.fixed_fen ?? null,
      profileFrom: due.profile?.from_month ?? null,
      standardFen: due.standardFen,
      dueFen: due.dueFen,
      reduction: due.reduction
        ? { id: due.reduction.id, amountFen: due.reduction.amount_fen, reason: due.reduction.reason }
        : null,
      reductionPending: due.reductionPending,
      payment: payment
        ? {
            id: payment.id,
            amountFen: payment.amount_fen,
            paidOn: payment.paid_on,
            note: payment.note,
            large: payment.large === 1,
          }
        : null,
      arrearsMonths: arrears,
      arrearsLevel: arrearsLevel(arrears, rules),
    };
  });
  const recordReason = paymentMonthIssue(month, currentMonth, rules);
  return {
    orgId,
    orgName: org.name,
    month,
    currentMonth,
    rulesFrom: rules.effectiveFrom,
    items,
    totals: sheetTotals(items),
    abilities: { record: recordReason === null, recordReason },
  };
}

/** Totals of a sheet: what is due (rows with a profile), what was paid, what is still outstanding. */
export function sheetTotals(items: readonly DuesSheetRow[]): DuesSheet['totals'] {
  const totals = {
    members: items.length,
    dueFen: 0,
    paidFen: 0,
    outstandingFen: 0,
    paidCount: 0,
    unsetCount: 0,
    warningCount: 0,
    lapseCount: 0,
  };
  for (const r of items) {
    if (r.dueFen === null) totals.unsetCount += 1;
    else totals.dueFen += r.dueFen;
    if (r.payment) {
      totals.paidCount += 1;
      totals.paidFen += r.payment.amountFen;
    } else if (r.dueFen !== null) totals.outstandingFen += r.dueFen;
    if (r.arrearsLevel === 'warning') totals.warningCount += 1;
    if (r.arrearsLevel === 'lapse') totals.lapseCount += 1;
  }
  return totals;
}
