import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { retallyChange } from './save-meeting.js';

/** Cancels a planned meeting, or withdraws a record made in error (it stops counting in compliance); audited. */
export async function cancelMeeting(ctx: Ctx, id: string, reason: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const before = await trx.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before || !(await access.can('meeting.read', before.org_id))) throw notFound('会议');
    await access.authorize('meeting.manage', before.org_id);
    if (before.status === 'cancelled') throw conflict('会议已经取消');
    await trx
      .updateTable('meeting')
      .set({ status: 'cancelled', cancel_reason: reason, updated_at: at })
      .where('id', '=', id)
      .execute();
    await retallyChange(trx, before, { ...before, status: 'cancelled' });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'meeting.cancel',
      orgId: before.org_id,
      objectType: 'meeting',
      objectId: id,
      detail: { kind: before.kind, wasStatus: before.status, heldOn: before.held_on, reason },
    });
  });
}
