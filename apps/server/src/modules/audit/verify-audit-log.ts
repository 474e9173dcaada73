import type { Ctx } from '../../context.js';
import { type VerifyResult, verifyAuditChain } from '../../platform/audit/verify-audit.js';
import { forbidden } from '../../platform/http/errors.js';

/** AUD-06: checks the hash chain on demand; the verification and its outcome are audited. */
export async function verifyAuditLog(ctx: Ctx): Promise<VerifyResult> {
  if (!ctx.access.holdsGlobally('audit.verify')) throw forbidden();
  const result = await verifyAuditChain(ctx.db, ctx.crypto);
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, ctx.actor, {
      type: 'audit.verify',
      result: result.ok ? 'success' : 'failed',
      detail: { ...result },
    }),
  );
  return result;
}
