import type { decideDuesReductionBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { decideReductionRow, findReduction } from './dues.repository.js';

type Body = z.output<typeof decideDuesReductionBody>;

/**
 * The committee one level above the branch approves or rejects a reduction (dues.approve at the branch's
 * parent). Whoever asked may not decide. Approval changes the amount due for the months it covers.
 */
export async function decideReduction(ctx: Ctx, id: string, body: Body): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const reduction = await findReduction(trx, id);
    if (!reduction) throw notFound('减免申请');
    if (!(await access.can('dues.approve', reduction.approver_org_id))) {
      // Those who see the branch learn that they may not decide; others learn nothing.
      if (await access.canSee(reduction.org_id)) throw forbidden('减免申请须由上一级党组织审批');
      throw notFound('减免申请');
    }
    if (reduction.requested_by === access.user!.id) throw forbidden('不能审批本人提出的减免申请');
    if (reduction.status !== 'pending') throw conflict('该减免申请已被处理');
    // The status is checked again by the UPDATE itself: of two deciders racing, only one changes the row.
    const updated = await decideReductionRow(trx, id, {
      status: body.decision,
      at: ctx.clock.now().toISOString(),
      by: access.user!.id,
      byName: access.user!.displayName,
      note: body.note,
    });
    if (!updated) throw conflict('该减免申请已被处理');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'dues.reduction_decide',
      orgId: reduction.org_id,
      objectType: 'member',
      objectId: reduction.member_id,
      detail: {
        reductionId: id,
        decision: body.decision,
        fromMonth: reduction.from_month,
        toMonth: reduction.to_month,
        amountFen: reduction.amount_fen,
        note: body.note,
      },
    });
  });
}
