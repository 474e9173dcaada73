import { type DuesMember, duesRulesFor, monthlyDues } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { findDuesMemberWithOrg, findPayments, findProfiles, startMonth } from './dues.repository.js';

/** One member's dues record: every profile set (newest first) and the last two years of payments. */
export async function memberDues(ctx: Ctx, memberId: string): Promise<DuesMember> {
  const member = await findDuesMemberWithOrg(ctx.db, memberId);
  if (!member) throw notFound('党员');
  await ctx.access.authorize('dues.manage', member.org_id, '党员');
  const [profiles, payments] = await Promise.all([findProfiles(ctx.db, memberId), findPayments(ctx.db, memberId, 48)]);
  return {
    memberId: member.id,
    name: member.name,
    orgName: member.org_name,
    startMonth: startMonth(member.joined_on, profiles),
    profiles: profiles.map((p) => ({
      fromMonth: p.from_month,
      category: p.category,
      baseFen: p.base_fen,
      fixedFen: p.fixed_fen,
      monthlyFen: monthlyDues({ category: p.category, baseFen: p.base_fen, fixedFen: p.fixed_fen }, duesRulesFor(p.from_month)),
      note: p.note,
      setAt: p.set_at,
      setBy: p.set_by_name,
    })),
    payments: payments.map((p) => ({
      id: p.id,
      month: p.month,
      amountFen: p.amount_fen,
      paidOn: p.paid_on,
      note: p.note,
      large: p.large,
      revokedAt: p.revoked_at,
      revokeReason: p.revoke_reason,
    })),
  };
}
