import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { archiveMemberIn } from '../members/archive-member.js';
import { addMemberHistory, findMember } from '../members/member.repository.js';
import { actorOf, addTransferEvent, settleTransfer } from './transfer.repository.js';
import { loadTransfer, requireAction } from './transfer-sides.js';

/**
 * A transfer out of the city ends when its receipt (回执) comes back: the sending side records it, and the
 * member leaves the city's rolls (archived as transferred, the record and its history kept), in one transaction.
 */
export async function recordReceipt(ctx: Ctx, id: string, receivedOn: string): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const { t, sides } = await loadTransfer(trx, access, id);
    requireAction('receipt', t, sides);
    if (receivedOn > beijingDate(now)) throw invalid('receivedOn', '回执返回日期不能晚于今天');
    if (receivedOn < t.issued_on) throw invalid('receivedOn', `回执返回日期不能早于介绍信开具日期（${t.issued_on}）`);
    await settleTransfer(trx, t, { status: 'accepted', at, receiptOn: receivedOn });
    const member = await findMember(trx, t.member_id!);
    if (!member) throw conflict('党员档案不存在');
    const actor = actorOf(access);
    await addMemberHistory(trx, {
      memberId: member.id,
      at,
      actor,
      action: 'transfer_out',
      reason: `组织关系转出本市至「${t.external_org_name}」，回执已于 ${receivedOn} 返回（介绍信 ${t.letter_no}）`,
    });
    if (member.archived_at !== null) throw conflict('该党员档案已归档');
    await archiveMemberIn(
      trx,
      ctx,
      ctx.actor,
      { id: member.id, orgId: member.org_id },
      { reason: 'transferred', on: receivedOn, note: `转往「${t.external_org_name}」` },
      actor,
    );
    await addTransferEvent(trx, { transferId: id, at, actor, action: 'receipt', note: `回执返回日期 ${receivedOn}` });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'transfer.receipt',
      orgId: t.from_org_id,
      objectType: 'transfer',
      objectId: id,
      detail: { memberId: member.id, letterNo: t.letter_no, receivedOn, to: t.external_org_name },
    });
  });
}
