import type { MemberImportStatusBody } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.js';
import { findOwnImport, presentImport } from '../../../platform/excel/import-jobs.js';
import { notFound } from '../../../platform/http/errors.js';

/** GET /api/members/import/:id: the progress, then the report. Only the uploader sees an import; a read writes nothing. */
export async function importStatus(deps: Deps, request: FastifyRequest, id: string): Promise<MemberImportStatusBody> {
  request.access.requireAnywhere('member.import');
  const now = deps.clock.now();
  const row = await findOwnImport(deps.db, 'member', id, request.access.user!.id, now);
  if (!row) throw notFound('导入记录');
  return presentImport(row, now);
}
