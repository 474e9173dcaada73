import type { DuesReduction, DuesReductionStatus } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { findReductions } from './dues.repository.js';

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
  const rows = await findReductions(ctx.db, access, query, 200);
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
