import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { notFound } from '../../platform/http/errors.js';
import { type Appraisal, findAppraisal } from './appraisal.repository.js';

/** One appraisal with its org's name, authorized for appraisal.manage (404 when invisible, 403 when not allowed). */
export async function loadAppraisal(db: Db | Trx, access: Access, id: string): Promise<Appraisal> {
  const appraisal = await findAppraisal(db, id);
  if (!appraisal) throw notFound('民主评议');
  await access.authorize('appraisal.manage', appraisal.orgId, '民主评议');
  return appraisal;
}
