import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';
import { AppError } from '../../platform/http/errors.js';
import { findActiveByIdNumber } from './member.repository.js';

/**
 * One active record per ID number. Inside the user's scope the message names the record; outside it, it says
 * only that one exists (no leak of who or where), and points to the transfer that brings the member over.
 */
export async function assertNoDuplicate(trx: Trx, access: Access, idNumberIndex: string, exceptId?: string) {
  const existing = await findActiveByIdNumber(trx, idNumberIndex, exceptId);
  if (!existing) return;
  if (await access.can('member.read', existing.org_id)) {
    throw duplicate(`身份证号与「${existing.org_name}」的党员「${existing.name}」重复，请勿重复建档`);
  }
  throw duplicate('该身份证号已有在册党员档案（不在您的管理范围内），请通过组织关系转接接收该党员');
}

const duplicate = (message: string) => new AppError(409, 'conflict', message, [{ path: 'idNumber', message }]);
