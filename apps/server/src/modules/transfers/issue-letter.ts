import type { CreateTransferInput } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { findMember } from '../members/member.repository.js';
import { letterDates } from './letter-dates.js';
import {
  actorOf,
  addTransferEvent,
  assertDestination,
  assertLetterFree,
  assertNoPending,
  insertTransfer,
  issuerKey,
} from './transfer.repository.js';

export type Outgoing = Extract<CreateTransferInput, { direction: 'within' | 'out' }>;

/**
 * The sending side issues a letter (transfer.manage at the member's org). The member stays where they are
 * until the receiving side accepts (within the city) or the receipt comes back (out of the city).
 */
export async function issueLetter(ctx: Ctx, input: Outgoing): Promise<string> {
  const now = ctx.clock.now();
  const crossProvince = input.direction === 'out' ? input.crossProvince : false;
  const dates = letterDates(input, crossProvince, beijingDate(now));
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const member = await findMember(trx, input.memberId);
    if (!member) throw notFound('党员');
    await access.authorize('transfer.manage', member.org_id, '党员');
    if (member.archived_at) throw conflict('该党员档案已归档，不能办理转接');
    const destination = input.direction === 'within' ? await assertDestination(trx, input.toOrgId) : null;
    if (destination && destination.id === member.org_id) throw invalid('toOrgId', '接收党组织不能是该党员现在所在的党组织');
    await assertNoPending(trx, { memberId: member.id });
    const external = input.direction === 'out' ? input.externalOrgName : null;
    await assertLetterFree(trx, issuerKey(member.org_id, null), input.letterNo);
    const id = uuidv7();
    await insertTransfer(trx, {
      id,
      direction: input.direction,
      member_id: member.id,
      member_name: member.name,
      id_number_masked: member.id_number_masked,
      from_org_id: member.org_id,
      to_org_id: destination?.id ?? null,
      external_org_name: external,
      cross_province: crossProvince,
      letter_no: input.letterNo,
      issuer_key: issuerKey(member.org_id, null),
      issued_on: input.issuedOn,
      valid_until: dates.validUntil,
      receipt_due: dates.receiptDue,
      reason: input.reason,
      note: input.note,
      at: now.toISOString(),
      created_by: access.user!.id,
    });
    await addTransferEvent(trx, { transferId: id, at: now.toISOString(), actor: actorOf(access), action: 'create' });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'transfer.create',
      orgId: member.org_id,
      objectType: 'transfer',
      objectId: id,
      detail: {
        direction: input.direction,
        memberId: member.id,
        letterNo: input.letterNo,
        to: destination ? { id: destination.id, name: destination.name } : external,
        validUntil: dates.validUntil,
      },
    });
    return id;
  });
}
