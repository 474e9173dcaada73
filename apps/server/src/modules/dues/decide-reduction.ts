import type { decideDuesReductionBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';

type Body = z.output<typeof decideDuesReductionBody>;

/**
 * The committee one level above the branch approves or rejects a reduction (dues.approve at the branch's
 * parent). Whoever asked may not decide. Approval changes the amount due for the months it covers.
 */
export async function decideReduction(ctx: Ctx, id: string, body: Body): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const reduction = await trx
      .selectFrom('dues_reduction')
      .select(['id', 'member_id', 'org_id', 'approver_org_id', 'status', 'requested_by', 'from_month', 'to_month', 'amount_fen'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!reduction) throw notFound('减免申请');
    if (!(await access.can('dues.approve', reduction.approver_org_id))) {
      // Those who see the branch learn that they may not decide; others learn nothing.
      if (await access.canSee(reduction.org_id)) throw forbidden('减免申请须由上一级党组织审批');
      throw notFound('减免申请');
    }
    if (reduction.requested_by === access.user!.id) throw forbidden('不能审批本人提出的减免申请');
    if (reduction.status !== 'pending') throw conflict('该减免申请已被处理');
    // The status is checked again by the UPDATE itself: of two deciders racing, only one changes the row.
    const updated = await trx
      .updateTable('dues_reduction')
      .set({
        status: body.decision,
        decided_at: ctx.clock.now().toISOString(),
        decided_by: access.user!.id,
        decided_by_name: access.user!.displayName,
        decision_note: body.note,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw conflict('该减免申请已被处理');
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
