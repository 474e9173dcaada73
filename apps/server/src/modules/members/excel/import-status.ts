import type { MemberImportStatusBody } from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { findOwnImport, presentImport } from '../../../platform/excel/import-jobs.js';
import { notFound } from '../../../platform/http/errors.js';

/** GET /api/members/import/:id: the progress, then the report. Only the uploader sees an import; a read writes nothing. */
export async function importStatus(ctx: Ctx, id: string): Promise<MemberImportStatusBody> {
  ctx.access.requireAnywhere('member.import');
  const now = ctx.clock.now();
  const row = await findOwnImport(ctx.db, 'member', id, ctx.access.user!.id, now);
  if (!row) throw notFound('导入记录');
  return presentImport(row, now);
}
