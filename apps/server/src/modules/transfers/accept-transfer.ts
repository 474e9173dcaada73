import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { describeMember } from '../members/member.presenter.js';
import { addMemberHistory, findMember, insertMember, memberColumns, moveMemberToOrg } from '../members/member.repository.js';
import { assertNoDuplicate } from '../members/member-duplicates.js';
import { findOrg } from '../orgs/org.repository.js';
import {
  actorOf,
  addTransferEvent,
  assertDestination,
  setTransferMember,
  settleTransfer,
  type TransferRow,
} from './transfer.repository.js';
import { loadTransfer, requireAction } from './transfer-sides.js';

/**
 * The receiving side accepts (transfer.manage at the receiving org). In one transaction: the transfer is
 * settled, the member moves to the receiving org (within the city) or is created there (from outside), the
 * member's timeline and the audit log record it. Any failure rolls back all of it.
 */
export async function acceptTransfer(ctx: Ctx, id: string): Promise<{ memberId: string }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      const { t, sides } = await loadTransfer(trx, access, id);
      requireAction('accept', t, sides);
      if (t.valid_until < today) {
        throw conflict(
          `介绍信已于 ${t.valid_until} 过期，不能接收；请${t.direction === 'in' ? '退回并请对方重新开具' : '转出方撤销后重新开具'}`,
        );
      }
      await settleTransfer(trx, t, { status: 'accepted', at, receiptOn: today });
      const org = await assertDestination(trx, t.to_org_id!);
      const memberId =
        t.direction === 'within'
          ? await moveMember(trx, access, t, org.name, at)
          : await createIncomingMember(trx, access, t, org.name, at);
      if (t.direction === 'in') await setTransferMember(trx, id, memberId);
      await addTransferEvent(trx, { transferId: id, at, actor: actorOf(access), action: 'accept' });
      await ctx.audit.record(trx, ctx.actor, {
        type: 'transfer.accept',
        orgId: t.to_org_id,
        objectType: 'transfer',
        objectId: id,
        detail: { direction: t.direction, memberId, letterNo: t.letter_no, fromOrgId: t.from_org_id, toOrgId: t.to_org_id },
      });
      return { memberId };
    });
  } catch (e) {
    // The pending-per-person index met a racing registration (PostgreSQL): the same answer as the check gives.
    if (isUniqueViolation(e)) throw conflict('该身份证号已有在册党员档案，不能重复建档');
    throw e;
  }
}

/** Within the city: the member's org changes, and the timeline says where from and where to. */
async function moveMember(trx: Trx, access: Access, t: TransferRow, toName: string, at: string): Promise<string> {
  const member = await findMember(trx, t.member_id!);
  if (!member || member.archived_at) throw conflict('该党员档案已归档，不能接收');
  if (member.org_id !== t.from_org_id) throw conflict('该党员已不在开具介绍信的党组织，请转出方撤销后重新开具');
  const from = (await findOrg(trx, member.org_id))!;
  await moveMemberToOrg(trx, member.id, t.to_org_id!, at);
  const actor = actorOf(access);
  const change = [{ field: '所在党组织', before: from.name, after: toName }];
  await addMemberHistory(trx, {
    memberId: member.id,
    at,
    actor,
    action: 'transfer_out',
    reason: `组织关系转出至「${toName}」（介绍信 ${t.letter_no}）`,
  });
  await addMemberHistory(trx, {
    memberId: member.id,
    at,
    actor,
    action: 'transfer_in',
    reason: `由「${from.name}」转入（介绍信 ${t.letter_no}）`,
    changes: change,
  });
  return member.id;
}

/** From outside the city: the registered record becomes a member of the receiving org (if no one holds the ID). */
async function createIncomingMember(trx: Trx, access: Access, t: TransferRow, toName: string, at: string) {
  await assertNoDuplicate(
    trx,
    access,
    { index: t.id_number_index!, masked: t.id_number_masked! },
    new Date(at),
    undefined,
    'transfer',
  );
  const plain = t.incoming!;
  const id = uuidv7();
  await insertMember(trx, {
    id,
    org_id: t.to_org_id!,
    ...memberColumns(plain),
    id_number_enc: t.id_number_enc,
    id_number_index: t.id_number_index,
    id_number_masked: t.id_number_masked,
    phone_enc: t.phone_enc,
    phone_index: t.phone_index,
    phone_masked: t.phone_masked,
    enterprise_id: null,
    created_at: at,
    updated_at: at,
    archived_at: null,
    archive_reason: null,
  });
  const row = (await findMember(trx, id))!;
  await addMemberHistory(trx, {
    memberId: id,
    at,
    actor: actorOf(access),
    action: 'transfer_in',
    reason: `由市外「${t.external_org_name}」转入「${toName}」（介绍信 ${t.letter_no}）`,
    changes: describeMember(row),
  });
  return id;
}
