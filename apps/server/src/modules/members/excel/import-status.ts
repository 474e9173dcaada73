import type { MemberImportIssue, MemberImportStatusBody } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.js';
import { notFound } from '../../../platform/http/errors.js';
import { findOwnImport, type ImportRow, INTERRUPTED, isStalled } from './import.repository.js';

/** GET /api/members/import/:id: the progress, then the report. Only the uploader sees an import; a read writes nothing. */
export async function importStatus(deps: Deps, request: FastifyRequest, id: string): Promise<MemberImportStatusBody> {
  request.access.requireAnywhere('member.import');
  const now = deps.clock.now();
  const row = await findOwnImport(deps.db, id, request.access.user!.id, now);
  if (!row) throw notFound('导入记录');
  return presentImport(row, now);
}

export function presentImport(row: ImportRow, now: Date): MemberImportStatusBody {
  const stalled = isStalled(row, now);
  return {
    id: row.id,
    fileName: row.file_name,
    status: stalled ? 'failed' : row.status,
    processed: row.processed_rows,
    total: row.total_rows,
    rowCount: row.row_count,
    errorRows: row.error_rows,
    issueCount: row.issue_count,
    issues: JSON.parse(row.issues) as MemberImportIssue[],
    message: stalled ? INTERRUPTED : row.message,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    importedCount: row.imported_count,
  };
}
