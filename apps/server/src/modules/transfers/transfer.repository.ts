import { TRANSFER_STATUS_LABELS, type TransferEvent, type TransferStatus } from '@tongxin/contracts';
import type { Selectable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { TransferTable } from '../../platform/db/types.js';
import { AppError, conflict, invalid } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';

export type TransferRow = Selectable<TransferTable>;

export async function findTransfer(db: Db | Trx, id: string): Promise<TransferRow | undefined> {
  return db.selectFrom('transfer').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Who issued a letter: the sending org, or the named organisation outside the city (a transfer in). */
export const issuerKey = (fromOrgId: string | null, externalOrgName: string | null) => fromOrgId ?? `外:${externalOrgName ?? ''}`;

export const actorOf = (access: Access) => ({ id: access.user!.id, name: access.user!.displayName });

export async function addTransferEvent(
  trx: Trx,
  e: {
    transferId: string;
    at: string;
    actor: { id: string | null; name: string | null };
    action: TransferEvent;
    note?: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('transfer_event')
    .values({
      id: uuidv7(),
      transfer_id: e.transferId,
      at: e.at,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      action: e.action,
      note: e.note ?? null,
    })
    .execute();
}

/** A letter number is used once per issuing side (cancelled letters aside). */
export async function assertLetterFree(trx: Trx, issuer: string, letterNo: string): Promise<void> {
  const used = await trx
    .selectFrom('transfer')
    .select('id')
    .where('issuer_key', '=', issuer)
    .where('letter_no', '=', letterNo)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  if (used) throw duplicateLetter(letterNo);
}

const duplicateLetter = (letterNo: string) => {
  const message = `介绍信编号「${letterNo}」已被同一开具方使用，请核对编号`;
  return new AppError(409, 'conflict', message, [{ path: 'letterNo', message }]);
};

/** One pending transfer per member (or per incoming person, by the ID number's blind index). */
export async function assertNoPending(trx: Trx, by: { memberId: string } | { idNumberIndex: string }): Promise<void> {
  const pending = await trx
    .selectFrom('transfer')
    .select('letter_no')
    .where('status', '=', 'pending')
    .$if('memberId' in by, (q) => q.where('member_id', '=', (by as { memberId: string }).memberId))
    .$if('idNumberIndex' in by, (q) => q.where('id_number_index', '=', (by as { idNumberIndex: string }).idNumberIndex))
    .executeTakeFirst();
  if (pending) throw conflict(`该党员已有待接收的组织关系转接（介绍信 ${pending.letter_no}），请先办结或撤销`);
}

/** The destination of a transfer: an active org that keeps members. */
export async function assertDestination(trx: Trx, orgId: string, path = 'toOrgId') {
  const org = await findOrg(trx, orgId);
  if (!org) throw invalid(path, '接收党组织不存在');
  if (org.status !== 'active') throw invalid(path, `接收党组织「${org.name}」已撤销`);
  if (!['branch', 'joint_branch', 'general_branch'].includes(org.kind)) {
    throw invalid(path, '接收党组织应为党支部、联合党支部或党总支');
  }
  return org;
}

/**
 * Moves a pending transfer to its final status. The update names the status it expects, so of two concurrent
 * decisions only one finds the row still pending; the other gets a conflict.
 */
export async function settleTransfer(
  trx: Trx,
  t: TransferRow,
  next: { status: Exclude<TransferStatus, 'pending'>; at: string; receiptOn?: string; note?: string | null; memberId?: string },
): Promise<void> {
  const result = await trx
    .updateTable('transfer')
    .set({
      status: next.status,
      updated_at: next.at,
      ...(next.receiptOn ? { receipt_on: next.receiptOn } : {}),
      ...(next.note !== undefined ? { resolution_note: next.note } : {}),
      ...(next.memberId ? { member_id: next.memberId } : {}),
    })
    .where('id', '=', t.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('该转接已由他人办理，请刷新后查看');
}

export const notPending = (status: TransferStatus) => conflict(`该转接${TRANSFER_STATUS_LABELS[status]}，不能再办理`);

/** A unique index refused the write (a race the checks above could not see): SQLite and PostgreSQL codes. */
