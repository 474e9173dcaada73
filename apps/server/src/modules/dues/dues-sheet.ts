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
import { coversSubtree } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { invalid } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';
import {
  ARREARS_LOOKBACK,
  countSheetMembers,
  emptyFacts,
  findSheetMembers,
  firstProfileMonth,
  loadDuesFacts,
  lookbackFrom,
  monthDue,
  sheetMemberCondition,
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
  return sheetMemberCondition(orgId, month, scope);
}

/** A branch's monthly dues sheet: each member's amount due, payment, reduction and run of unpaid months. */
export async function duesSheet(ctx: Ctx, orgId: string, month: string): Promise<DuesSheet> {
  const where = await sheetMembers(ctx, orgId, month);
  const counted = await countSheetMembers(ctx.db, where);
  if (counted > SHEET_MAX_MEMBERS) {
    throw invalid('orgId', `该组织下有${counted}名党员，超过党费收缴表的${SHEET_MAX_MEMBERS}人上限，请选择下级组织`);
  }
  const [org, members, facts] = await Promise.all([
    findOrg(ctx.db, orgId).then((o) => o!),
    findSheetMembers(ctx.db, where),
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
            large: payment.large,
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
