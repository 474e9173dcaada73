import type { DuesReduction, DuesReductionStatus } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../context.js';

/**
 * Reductions the user deals with: those of branches where they keep the dues (dues.manage), and those waiting
 * at an org where they approve (dues.approve). Optionally only under one org, or in one status.
 */
export async function listReductions(
  ctx: Ctx,
  query: { orgId?: string | undefined; status?: DuesReductionStatus | undefined },
): Promise<{ items: DuesReduction[] }> {
  const access = ctx.access;
  if (query.orgId) await access.authorize('dues.manage', query.orgId, '党组织');
  else access.requireAnywhere('dues.manage');
  const rows = await ctx.db
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
      if (query.orgId) {
        all.push(
          sql<SqlBool>`r.org_id in (select sub.descendant_id from org_closure as sub where sub.ancestor_id = ${query.orgId})`,
        );
      }
      if (query.status) all.push(eb('r.status', '=', query.status));
      return eb.and(all);
    })
    // Pending first, then the newest.
    .orderBy(sql`case when r.status = 'pending' then 0 else 1 end`)
    .orderBy('r.requested_at', 'desc')
    .limit(200)
    .execute();
  const items: DuesReduction[] = [];
  for (const r of rows) {
    const decide =
      r.status === 'pending' && r.requested_by !== access.user?.id && (await access.can('dues.approve', r.approver_org_id));
    items.push({
      id: r.id,
      memberId: r.member_id,
      memberName: r.member_name,
      orgId: r.org_id,
      orgName: r.org_name,
      fromMonth: r.from_month,
      toMonth: r.to_month,
      amountFen: r.amount_fen,
      reason: r.reason,
      status: r.status,
      requestedAt: r.requested_at,
      requestedBy: r.requested_by_name,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by_name,
      decisionNote: r.decision_note,
      abilities: { decide },
    });
  }
  return { items };
}
