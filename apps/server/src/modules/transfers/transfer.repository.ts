import {
  MEMBER_ORG_KINDS,
  type MemberInput,
  TRANSFER_STATUS_LABELS,
  type TransferEvent,
  type TransferStatus,
} from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type Selectable, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';
import type { DB, TransferTable } from '../../platform/db/types.js';
import { AppError, conflict, invalid } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';

/** The plain fields of an incoming member's record, held on the transfer until it is accepted (never the ID or phone). */
export type IncomingRecord = Omit<MemberInput, 'orgId' | 'idNumber' | 'phone' | 'enterpriseId'>;

/** A transfer as the domain sees it: the columns, with the flag as a boolean and the incoming record parsed. */
export type TransferRow = Omit<Selectable<TransferTable>, 'cross_province' | 'incoming'> & {
  cross_province: boolean;
  incoming: IncomingRecord | null;
};

/** A transfer with its two orgs' names (either may be outside the city). */
export type TransferListRow = TransferRow & { from_org_name: string | null; to_org_name: string | null };

function toTransfer<R extends Selectable<TransferTable>>(r: R): Omit<R, 'cross_province' | 'incoming'> & TransferRow {
  return {
    ...r,
    cross_province: r.cross_province === 1,
    incoming: r.incoming === null ? null : (JSON.parse(r.incoming) as IncomingRecord),
  };
}

export async function findTransfer(db: Db | Trx, id: string): Promise<TransferRow | undefined> {
  const row = await db.selectFrom('transfer').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toTransfer(row);
}

/** The transfer with its two orgs' names (either may be outside the city, hence the left joins). */
function selectTransfers<O>(qb: SelectQueryBuilder<DB, 'transfer', O>) {
  return qb
    .leftJoin('org as from_org', 'from_org.id', 'transfer.from_org_id')
    .leftJoin('org as to_org', 'to_org.id', 'transfer.to_org_id')
    .selectAll('transfer')
    .select(['from_org.name as from_org_name', 'to_org.name as to_org_name']);
}

export async function findTransferView(db: Db | Trx, id: string): Promise<TransferListRow> {
  return toTransfer(await selectTransfers(db.selectFrom('transfer')).where('transfer.id', '=', id).executeTakeFirstOrThrow());
}

export async function findTransferEvents(db: Db | Trx, transferId: string) {
  const events = await db
    .selectFrom('transfer_event')
    .selectAll()
    .where('transfer_id', '=', transferId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return events.map((e) => ({ id: e.id, at: e.at, action: e.action, actorName: e.actor_name, note: e.note }));
}

/**
 * Overdue: still pending after the receipt's due date or after the letter's last valid day. Only a pending
 * transfer is overdue; once accepted, rejected or cancelled it has nothing left to chase.
 */
export function overdueCondition(eb: ExpressionBuilder<DB, 'transfer'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('transfer.status', '=', 'pending'),
    eb.or([eb('transfer.receipt_due', '<', today), eb('transfer.valid_until', '<', today)]),
  ]);
}

/** A transfer the user deals with on either side: sending (from) or receiving (to). */
export function eitherSide(access: Access): Expression<SqlBool> {
  return sql<SqlBool>`(${access.within('transfer.manage', 'transfer.from_org_id')} or ${access.within('transfer.manage', 'transfer.to_org_id')})`;
}

export interface TransferFilter {
  box: 'outgoing' | 'incoming' | 'overdue';
  status?: TransferStatus | undefined;
  q?: string | undefined;
  today: string;
}

/**
 * A page of transfers through the user's transfer scope (AZ-03): outgoing = sent from an org in scope,
 * incoming = addressed to an org in scope, overdue = either, still pending past a due date.
 */
export async function findTransferPage(
  db: Db | Trx,
  access: Access,
  f: TransferFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: TransferListRow[]; total: number }> {
  const where = (eb: ExpressionBuilder<DB, 'transfer'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    if (f.box === 'outgoing') all.push(access.within('transfer.manage', 'transfer.from_org_id'));
    else if (f.box === 'incoming') all.push(access.within('transfer.manage', 'transfer.to_org_id'));
    else all.push(eitherSide(access), overdueCondition(eb, f.today));
    if (f.status) all.push(eb('transfer.status', '=', f.status));
    if (f.q) all.push(eb.or([like('transfer.member_name', f.q), like('transfer.letter_no', f.q)]));
    return eb.and(all);
  };
  const rows = await selectTransfers(db.selectFrom('transfer'))
    .where(where)
    .$if(f.box === 'overdue', (q) => q.orderBy('transfer.receipt_due', 'asc'))
    .$if(f.box !== 'overdue', (q) => q.orderBy('transfer.issued_on', 'desc').orderBy('transfer.created_at', 'desc'))
    .orderBy('transfer.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await db
    .selectFrom('transfer')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toTransfer), total: Number(counted.n) };
}

/** The overdue transfers on either side of this user, the longest overdue first. `access` must be bound to `db`. */
export async function findOverdueTransfers(
  db: Db | Trx,
  access: Access,
  today: string,
  limit: number,
): Promise<TransferListRow[]> {
  const rows = await selectTransfers(db.selectFrom('transfer'))
    .where(eitherSide(access))
    .where((eb) => overdueCondition(eb, today))
    .orderBy('transfer.receipt_due')
    .orderBy('transfer.id')
    .limit(limit)
    .execute();
  return rows.map(toTransfer);
}

/** Active orgs that keep members, found by name, full pinyin or initials; with their district's name. */
export async function searchDestinations(db: Db | Trx, q: string) {
  const text = q.toLowerCase();
  const rows = await db
    .selectFrom('org')
    .select(['org.id', 'org.name'])
    .where('org.status', '=', 'active')
    .where('org.kind', 'in', [...MEMBER_ORG_KINDS])
    .where((eb) => eb.or([like('org.name', q), like('org.name_initials', text), like('org.name_pinyin', text)]))
    .orderBy('org.name_pinyin')
    .orderBy('org.id')
    .limit(20)
    .execute();
  if (rows.length === 0) return [];
  const districts = await db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select(['org_closure.descendant_id', 'org.name'])
    .where(
      'org_closure.descendant_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('org.kind', '=', 'committee')
    .where('org.level', '=', 'district')
    .execute();
  const districtOf = new Map(districts.map((d) => [d.descendant_id, d.name]));
  return rows.map((r) => ({ id: r.id, name: r.name, districtName: districtOf.get(r.id) ?? null }));
}

/** Set by insertTransfer when the caller has none: the sealed contact details and the incoming record. */
type OptionalOnCreate = 'id_number_enc' | 'id_number_index' | 'phone_enc' | 'phone_index' | 'phone_masked' | 'incoming';

/** A new transfer, less what insertTransfer sets itself (status, receipt, timestamps from `at`). */
export type NewTransfer = Omit<
  TransferRow,
  'status' | 'receipt_on' | 'resolution_note' | 'created_at' | 'updated_at' | OptionalOnCreate
> &
  Partial<Pick<TransferRow, OptionalOnCreate>> & { at: string };

export async function insertTransfer(trx: Trx, t: NewTransfer): Promise<void> {
  const { at, cross_province, incoming, ...rest } = t;
  await trx
    .insertInto('transfer')
    .values({
      id_number_enc: null,
      id_number_index: null,
      phone_enc: null,
      phone_index: null,
      phone_masked: null,
      ...rest,
      cross_province: cross_province ? 1 : 0,
      incoming: incoming ? JSON.stringify(incoming) : null,
      status: 'pending',
      receipt_on: null,
      resolution_note: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** The member a transfer in became, once accepted. */
export async function setTransferMember(trx: Trx, id: string, memberId: string): Promise<void> {
  await trx.updateTable('transfer').set({ member_id: memberId }).where('id', '=', id).execute();
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
  t: Pick<TransferRow, 'id'>,
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
