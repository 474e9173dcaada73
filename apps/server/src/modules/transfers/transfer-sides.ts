import type { TransferDirection } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { AppError, forbidden, notFound } from '../../platform/http/errors.js';
import { findTransfer, notPending, type TransferRow } from './transfer.repository.js';

export type TransferAction = 'accept' | 'reject' | 'cancel' | 'receipt';
type Side = 'from' | 'to';

/**
 * "Both sides confirm": which side does what, by direction. A transfer within the city is issued by the sending
 * side and accepted or rejected by the receiving side. A transfer out is the sending side's alone (the other side
 * is outside Tongxin): it records the receipt, or the letter coming back refused. A transfer in is registered
 * by the receiving side, which then accepts it, rejects it or withdraws its registration.
 */
export const ACTING_SIDE: Record<TransferAction, Record<TransferDirection, Side | null>> = {
  accept: { within: 'to', out: null, in: 'to' },
  reject: { within: 'to', out: 'from', in: 'to' },
  cancel: { within: 'from', out: 'from', in: 'to' },
  receipt: { within: null, out: 'from', in: null },
};

const NOT_FOR: Record<TransferAction, string> = {
  accept: '转出本市的转接不在本平台接收，请在收到回执后登记回执',
  reject: '',
  cancel: '',
  receipt: '只有转出本市的转接需要登记回执',
};
const WRONG_SIDE: Record<TransferAction, string> = {
  accept: '只有接收方党组织可以接收该转接',
  reject: '只有接收方党组织可以退回该转接',
  cancel: '只有发起方党组织可以撤销该转接',
  receipt: '只有转出方党组织可以登记回执',
};

export interface Sides {
  from: boolean;
  to: boolean;
}

/** The sides of a transfer this user acts for (transfer.manage at the sending org, at the receiving org). */
export async function sidesOf(access: Access, t: Pick<TransferRow, 'from_org_id' | 'to_org_id'>): Promise<Sides> {
  const [from, to] = await Promise.all([
    t.from_org_id ? access.can('transfer.manage', t.from_org_id) : false,
    t.to_org_id ? access.can('transfer.manage', t.to_org_id) : false,
  ]);
  return { from, to };
}

/** A transfer is visible to the two sides only; to anyone else it does not exist (404, no existence leak). */
export async function loadTransfer(trx: Db | Trx, access: Access, id: string): Promise<{ t: TransferRow; sides: Sides }> {
  if (!access.signedIn) throw new AppError(401, 'unauthenticated', '请先登录');
  const t = await findTransfer(trx, id);
  if (!t) throw notFound('转接记录');
  const sides = await sidesOf(access, t);
  if (!sides.from && !sides.to) throw notFound('转接记录');
  return { t, sides };
}

/** Whether this user may take the action now (for the detail page's buttons). */
export function may(action: TransferAction, t: TransferRow, sides: Sides): boolean {
  const side = ACTING_SIDE[action][t.direction];
  return t.status === 'pending' && side !== null && sides[side];
}

/** Refuses the action unless the user acts for the right side and the transfer is still pending. */
export function requireAction(action: TransferAction, t: TransferRow, sides: Sides): void {
  const side = ACTING_SIDE[action][t.direction];
  if (side === null) throw new AppError(400, 'validation_failed', NOT_FOR[action]);
  if (!sides[side]) throw forbidden(WRONG_SIDE[action]);
  if (t.status !== 'pending') throw notPending(t.status);
}

/** What this user may do with a transfer now, for the buttons of a list row or the detail. */
export async function abilitiesOf(access: Access, t: TransferRow) {
  const sides = await sidesOf(access, t);
  return {
    accept: may('accept', t, sides),
    reject: may('reject', t, sides),
    cancel: may('cancel', t, sides),
    receipt: may('receipt', t, sides),
  };
}
