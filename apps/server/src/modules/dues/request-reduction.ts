import { addMonths, duesRulesFor, formatYuan, monthOf, monthsBetween, type requestDuesReductionBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import {
  findDuesMember,
  findOverlappingReduction,
  findProfileFacts,
  insertReduction,
  monthDue,
  reductionOrgs,
} from './dues.repository.js';

type Body = z.output<typeof requestDuesReductionBody>;

/** One request covers at most a year; a longer hardship is asked for again. */
export const MAX_REDUCTION_MONTHS = 12;

/**
 * A branch asks to reduce or waive a member's dues for some months (hardship). The request waits for the
 * committee one level up; until it is approved the amount due does not change.
 */
export async function requestReduction(ctx: Ctx, body: Body): Promise<string> {
  const currentMonth = monthOf(beijingDate(ctx.clock.now()));
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const member = await findDuesMember(trx, body.memberId);
    if (!member) throw notFound('党员');
    await access.authorize('dues.manage', member.org_id, '党员');
    if (member.archived_at !== null) throw conflict('该党员档案已归档');
    if (body.toMonth < body.fromMonth) throw invalid('toMonth', '结束月份不能早于起始月份');
    if (monthsBetween(body.fromMonth, body.toMonth) >= MAX_REDUCTION_MONTHS) {
      throw invalid('toMonth', `一次申请最多减免${MAX_REDUCTION_MONTHS}个月`);
    }
    const earliest = addMonths(currentMonth, -duesRulesFor(currentMonth).makeUpMonths);
    if (body.fromMonth < earliest) throw invalid('fromMonth', `减免起始月份最早为${earliest}`);
    // Two requests for the same member wait for each other, so the second sees the first (PostgreSQL; SQLite
    // runs one transaction at a time).
    await lockFor(trx, `dues:${member.id}`);
    const [profiles, overlapping] = await Promise.all([
      findProfileFacts(trx, member.id),
      findOverlappingReduction(trx, member.id, body.fromMonth, body.toMonth),
    ]);
    if (overlapping) {
      throw conflict(`该党员${overlapping.from_month}至${overlapping.to_month}已有减免申请或减免，请勿重复申请`);
    }
    const standard = monthDue({ profiles, reductions: [] }, body.fromMonth).standardFen;
    if (standard === null) throw invalid('memberId', `${member.name}尚未设置党费基数，请先设置`);
    if (body.amountFen >= standard) {
      throw invalid('amountFen', `减免后金额应低于应缴金额（${formatYuan(standard)}）`);
    }
    const { orgId, approverOrgId } = await reductionOrgs(trx, member.org_id);
    const id = uuidv7();
    await insertReduction(trx, {
      id,
      member_id: member.id,
      org_id: orgId,
      approver_org_id: approverOrgId,
      from_month: body.fromMonth,
      to_month: body.toMonth,
      amount_fen: body.amountFen,
      reason: body.reason,
      status: 'pending',
      requested_at: ctx.clock.now().toISOString(),
      requested_by: access.user!.id,
      requested_by_name: access.user!.displayName,
      decided_at: null,
      decided_by: null,
      decided_by_name: null,
      decision_note: null,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'dues.reduction_request',
      orgId,
      objectType: 'member',
      objectId: member.id,
      detail: {
        reductionId: id,
        fromMonth: body.fromMonth,
        toMonth: body.toMonth,
        amountFen: body.amountFen,
        standardFen: standard,
      },
    });
    return id;
  });
}
