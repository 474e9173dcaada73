import { type CreateTransferInput, checkLetterDates, transferDates } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import type { TransferTable } from '../../platform/db/tables/ledger.js';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.js';
import { findMember } from '../members/member.repository.js';
import { registerIncoming } from './register-incoming.js';
import {
  actorOf,
  addTransferEvent,
  assertDestination,
  assertLetterFree,
  assertNoPending,
  issuerKey,
} from './transfer.repository.js';

type Outgoing = Extract<CreateTransferInput, { direction: 'within' | 'out' }>;

/** Starts a transfer: a letter issued for a member (within the city or out of it), or an incoming one registered. */
export async function createTransfer(ctx: Ctx, input: CreateTransferInput): Promise<string> {
  try {
    return input.direction === 'in' ? await registerIncoming(ctx, input) : await issueLetter(ctx, input);
  } catch (e) {
    // Two letters racing past the checks meet the unique indexes (PostgreSQL): the loser gets the checks' answer.
    if (isUniqueViolation(e)) throw conflict('该党员或该介绍信编号已有在办的转接，请刷新后重试');
    throw e;
  }
}

/** The dates of a letter: the rule's validity unless the user shortened it; refused outside the rule. */
export function letterDates(input: { issuedOn: string; validUntil?: string | undefined }, crossProvince: boolean, today: string) {
  const rule = transferDates(input.issuedOn, crossProvince);
  const validUntil = input.validUntil ?? rule.validUntil;
  const issues = checkLetterDates(input.issuedOn, validUntil, crossProvince, today);
  if (issues.length) {
    throw new AppError(
      400,
      'validation_failed',
      issues[0]!.message,
      issues.map((i) => ({ path: i.field, message: i.message })),
    );
  }
  return { validUntil, receiptDue: rule.receiptDue };
}

/**
 * The sending side issues a letter (transfer.manage at the member's org). The member stays where they are
 * until the receiving side accepts (within the city) or the receipt comes back (out of the city).
 */
async function issueLetter(ctx: Ctx, input: Outgoing): Promise<string> {
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
      cross_province: crossProvince ? 1 : 0,
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

/** Set by insertTransfer when the caller has none: the sealed contact details and the incoming record. */
type OptionalOnCreate = 'id_number_enc' | 'id_number_index' | 'phone_enc' | 'phone_index' | 'phone_masked' | 'incoming';

/** A new transfer row, less what insertTransfer sets itself (status, receipt, timestamps from `at`). */
export type NewTransfer = Omit<
  TransferTable,
  'status' | 'receipt_on' | 'resolution_note' | 'created_at' | 'updated_at' | OptionalOnCreate
> &
  Partial<Pick<TransferTable, OptionalOnCreate>> & { at: string };

export async function insertTransfer(trx: Trx, t: NewTransfer): Promise<void> {
  const { at, ...rest } = t;
  await trx
    .insertInto('transfer')
    .values({
      id_number_enc: null,
      id_number_index: null,
      phone_enc: null,
      phone_index: null,
      phone_masked: null,
      incoming: null,
      ...rest,
      status: 'pending',
      receipt_on: null,
      resolution_note: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
