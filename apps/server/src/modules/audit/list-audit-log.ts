import type { auditQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { type AuditEntry, findAuditPage } from './audit.repository.js';

/** AUD-06: the audit admin's read-only view of the log; the read is itself audited. */
export async function listAuditLog(ctx: Ctx, q: z.infer<typeof auditQuery>): Promise<{ total: number; items: AuditEntry[] }> {
  if (!ctx.access.holdsGlobally('audit.read')) throw forbidden();
  // Dates are Beijing calendar days; the log keeps UTC.
  const from = q.from ? new Date(`${q.from}T00:00:00+08:00`).toISOString() : null;
  const to = q.to ? new Date(`${q.to}T23:59:59.999+08:00`).toISOString() : null;
  return ctx.db.transaction().execute(async (trx) => {
    const page = await findAuditPage(
      trx,
      { type: q.type, actor: q.actor, result: q.result, from, to },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    await ctx.audit.record(trx, ctx.actor, { type: 'audit.read', detail: { query: q, returned: page.items.length } });
    return page;
  });
}
