import { type DuesMember, duesRulesFor, monthlyDues } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { startMonth } from './dues.repository.js';

/** One member's dues record: every profile set (newest first) and the last two years of payments. */
export async function memberDues(ctx: Ctx, memberId: string): Promise<DuesMember> {
  const member = await ctx.db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.org_id', 'member.joined_on', 'org.name as org_name'])
    .where('member.id', '=', memberId)
    .executeTakeFirst();
  if (!member) throw notFound('党员');
  await ctx.access.authorize('dues.manage', member.org_id, '党员');
  const [profiles, payments] = await Promise.all([
    ctx.db
      .selectFrom('dues_profile')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('from_month', 'desc')
      .orderBy('set_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    ctx.db
      .selectFrom('dues_payment')
      .selectAll()
      .where('member_id', '=', memberId)
      .orderBy('month', 'desc')
      .orderBy('recorded_at', 'desc')
      .limit(48)
      .execute(),
  ]);
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
      large: p.large === 1,
      revokedAt: p.revoked_at,
      revokeReason: p.revoke_reason,
    })),
  };
}
