import type { Access } from '../../access/access.js';
import type { AuditEvent } from '../../platform/audit/events.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/errors.js';
import { countDuplicateProbes, findActiveByIdNumber } from './member.repository.js';

/**
 * Hits outside the user's scope allowed per 24 hours. Each one tells the user that an ID number belongs to a
 * party member somewhere else in the city, so the duplicate check is an oracle: every hit is audited and,
 * past this many, the check stops answering (form and import alike) until the day has passed.
 */
export const OUTSIDE_SCOPE_HITS_PER_DAY = 20;

interface Holder {
  org_id: string;
  org_name: string;
  name: string;
}

/**
 * The message for an ID number already held by an active record (form, import and its confirm alike). Inside
 * the user's scope it names the record; outside it, it says only that one exists (no leak of who or where),
 * and points to the transfer that brings the member over.
 */
export async function describeDuplicate(access: Access, holder: Holder): Promise<{ inScope: boolean; message: string }> {
  if (await access.can('member.read', holder.org_id)) {
    return { inScope: true, message: `身份证号与「${holder.org_name}」的在册党员「${holder.name}」重复，请勿重复建档` };
  }
  return { inScope: false, message: '该身份证号已有在册党员档案（不在您的管理范围内），请通过组织关系转接接收该党员' };
}

export const outsideScopeLimitMessage = `今日已有 ${OUTSIDE_SCOPE_HITS_PER_DAY} 个身份证号查到属于您管理范围以外的在册党员，暂停答复此类查重；如确需建档，请联系上级党委核实`;

/** Outside-scope hits the user has left today, counted from the audit log (so a restart does not reset it). */
export async function outsideScopeHitsLeft(db: Db | Trx, userId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const n = await countDuplicateProbes(db, userId, since);
  return Math.max(0, OUTSIDE_SCOPE_HITS_PER_DAY - n);
}

export const outsideScopeHitEvent = (maskedIdNumber: string, via: 'form' | 'import' | 'transfer'): AuditEvent => ({
  type: 'member.duplicate_probe',
  result: 'denied',
  detail: { idNumber: maskedIdNumber, via },
});

/** One active record per ID number. An outside-scope hit is audited after the rollback (see error-handler). */
export async function assertNoDuplicate(
  trx: Trx,
  access: Access,
  id: { index: string; masked: string },
  now: Date,
  exceptId?: string,
  via: 'form' | 'transfer' = 'form',
) {
  const holder = await findActiveByIdNumber(trx, id.index, exceptId);
  if (!holder) return;
  const { inScope, message } = await describeDuplicate(access, holder);
  if (inScope) throw duplicate(message);
  const left = await outsideScopeHitsLeft(trx, access.user!.id, now);
  const error = left > 0 ? duplicate(message) : new AppError(429, 'rate_limited', outsideScopeLimitMessage);
  error.audit = outsideScopeHitEvent(id.masked, via);
  throw error;
}

const duplicate = (message: string) => new AppError(409, 'conflict', message, [{ path: 'idNumber', message }]);
