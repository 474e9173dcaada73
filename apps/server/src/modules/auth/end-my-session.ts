import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { deleteSession, findSessionByHandle } from './auth.repository.js';

/** Ends one of the caller's own sessions, named by its handle; audited. */
export async function endMySession(ctx: Ctx, handle: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const target = await findSessionByHandle(trx, ctx.session!.userId, handle);
    if (!target) throw notFound('会话');
    await deleteSession(trx, target.id);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'auth.session_revoke',
      objectType: 'session',
      objectId: handle,
    });
  });
}
