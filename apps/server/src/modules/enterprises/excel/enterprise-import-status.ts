import type { MemberImportStatusBody } from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { findOwnImport, presentImport } from '../../../platform/excel/import-jobs.js';
import { notFound } from '../../../platform/http/errors.js';

/** GET /api/enterprises/import/:id: the progress, then the report; only the uploader sees an import. */
export async function enterpriseImportStatus(ctx: Ctx, id: string): Promise<MemberImportStatusBody> {
  ctx.access.requireAnywhere('enterprise.manage');
  const now = ctx.clock.now();
  const row = await findOwnImport(ctx.db, 'enterprise', id, ctx.access.user!.id, now);
  if (!row) throw notFound('导入记录');
  return presentImport(row, now);
}
