import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/errors.js';
import { findActiveByIdNumber } from './member.repository.js';

/**
 * The message for an ID number already held by an active record (form, import and its confirm alike). Inside
 * the user's scope it names the record; outside it, it says only that one exists (no leak of who or where),
 * and points to the transfer that brings the member over.
 */
export async function duplicateMessage(access: Access, existing: { org_id: string; org_name: string; name: string }) {
  if (await access.can('member.read', existing.org_id)) {
    return `身份证号与「${existing.org_name}」的在册党员「${existing.name}」重复，请勿重复建档`;
  }
  return '该身份证号已有在册党员档案（不在您的管理范围内），请通过组织关系转接接收该党员';
}

/** One active record per ID number. */
export async function assertNoDuplicate(trx: Trx, access: Access, idNumberIndex: string, exceptId?: string) {
  const existing = await findActiveByIdNumber(trx, idNumberIndex, exceptId);
  if (!existing) return;
  throw duplicate(await duplicateMessage(access, existing));
}

const duplicate = (message: string) => new AppError(409, 'conflict', message, [{ path: 'idNumber', message }]);
