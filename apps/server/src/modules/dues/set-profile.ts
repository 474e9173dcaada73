import { addMonths, checkDuesProfile, duesRulesFor, monthlyDues, monthOf, type setDuesProfileBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.js';
import { findDuesMember, insertProfiles } from './dues.repository.js';

type Body = z.output<typeof setDuesProfileBody>;

/** How far ahead a new base may be entered (a raise already agreed for next month, say). */
const MAX_MONTHS_AHEAD = 12;

/**
 * Sets a member's dues category and monthly base from a month on ("the new base applies from the month income
 * changes"). Earlier months keep the profile they had; the history is every row ever set.
 */
export async function setDuesProfile(ctx: Ctx, memberId: string, body: Body) {
  const currentMonth = monthOf(beijingDate(ctx.clock.now()));
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const member = await findDuesMember(trx, memberId);
    if (!member) throw notFound('党员');
    await access.authorize('dues.manage', member.org_id, '党员');
    if (member.archived_at !== null) throw conflict('该党员档案已归档，不能再设置党费基数');
    const rules = duesRulesFor(body.fromMonth);
    const facts = { category: body.category, baseFen: body.baseFen, fixedFen: body.fixedFen ?? null };
    const issues = checkDuesProfile(facts, rules);
    if (issues.length) {
      throw new AppError(
        400,
        'validation_failed',
        issues[0]!.message,
        issues.map((i) => ({ path: i.field, message: i.message })),
      );
    }
    if (member.joined_on && body.fromMonth < monthOf(member.joined_on)) {
      throw invalid('fromMonth', `起始月份不能早于入党月份（${monthOf(member.joined_on)}）`);
    }
    if (body.fromMonth > addMonths(currentMonth, MAX_MONTHS_AHEAD)) {
      throw invalid('fromMonth', `起始月份最晚为${addMonths(currentMonth, MAX_MONTHS_AHEAD)}`);
    }
    const monthlyFen = monthlyDues(facts, rules);
    await insertProfiles(trx, [
      {
        id: uuidv7(),
        member_id: member.id,
        from_month: body.fromMonth,
        category: body.category,
        base_fen: body.baseFen,
        fixed_fen: facts.fixedFen,
        note: body.note,
        set_at: ctx.clock.now().toISOString(),
        set_by: access.user!.id,
        set_by_name: access.user!.displayName,
      },
    ]);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'dues.profile_set',
      orgId: member.org_id,
      objectType: 'member',
      objectId: member.id,
      detail: { fromMonth: body.fromMonth, category: body.category, baseFen: body.baseFen, fixedFen: facts.fixedFen, monthlyFen },
    });
    return { monthlyFen };
  });
}
