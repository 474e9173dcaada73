import type { CreateTransferInput } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { AppError } from '../../platform/http/errors.js';
import { assertMemberFacts, sealPersonal } from '../members/member.repository.js';
import { assertNoDuplicate } from '../members/member-duplicates.js';
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

type Incoming = Extract<CreateTransferInput, { direction: 'in' }>;

/**
 * The receiving side registers a member coming from outside the city (transfer.manage at the receiving org),
 * with the full record checked as a new member's would be. The record is held sealed on the transfer and becomes
 * a member only when the transfer is accepted.
 */
export async function registerIncoming(ctx: Ctx, input: Incoming): Promise<string> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const dates = letterDates(input, input.crossProvince, today);
  const { phone } = withMemberPaths(() => assertMemberFacts({ ...input.member, orgId: input.toOrgId }, today));
  const sealed = sealPersonal(ctx.crypto, input.member.idNumber, phone);
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('transfer.manage', input.toOrgId, '党组织');
    await assertDestination(trx, input.toOrgId);
    await withMemberPathsAsync(() =>
      assertNoDuplicate(
        trx,
        access,
        { index: sealed.id_number_index, masked: sealed.id_number_masked },
        now,
        undefined,
        'transfer',
      ),
    );
    await assertNoPending(trx, { idNumberIndex: sealed.id_number_index });
    const issuer = issuerKey(null, input.externalOrgName);
    await assertLetterFree(trx, issuer, input.letterNo);
    const id = uuidv7();
    // The plain fields only: the ID number and phone are sealed above, never stored as JSON text.
    const { idNumber: _idNumber, phone: _phone, ...plain } = input.member;
    await insertTransfer(trx, {
      id,
      direction: 'in',
      member_id: null,
      member_name: input.member.name,
      ...sealed,
      incoming: plain,
      from_org_id: null,
      to_org_id: input.toOrgId,
      external_org_name: input.externalOrgName,
      cross_province: input.crossProvince,
      letter_no: input.letterNo,
      issuer_key: issuer,
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
      orgId: input.toOrgId,
      objectType: 'transfer',
      objectId: id,
      detail: {
        direction: 'in',
        from: input.externalOrgName,
        letterNo: input.letterNo,
        member: { name: input.member.name, idNumber: sealed.id_number_masked },
        validUntil: dates.validUntil,
      },
    });
    return id;
  });
}

/** The member record sits under `member` in the body, so its field errors are reported there. */
function remap(e: unknown): never {
  if (e instanceof AppError && e.fields) {
    const moved = new AppError(
      e.status,
      e.code,
      e.message,
      e.fields.map((f) => ({ ...f, path: `member.${f.path}` })),
    );
    moved.audit = e.audit;
    throw moved;
  }
  throw e;
}
function withMemberPaths<T>(check: () => T): T {
  try {
    return check();
  } catch (e) {
    remap(e);
  }
}
async function withMemberPathsAsync<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    remap(e);
  }
}
