import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { findMeeting, markMeetingCancelled } from './meeting.repository.js';
import { retallyMeetings } from './meeting-tally.js';

/** Cancels a planned meeting, or withdraws a record made in error (it stops counting in compliance); audited. */
export async function cancelMeeting(ctx: Ctx, id: string, reason: string): Promise<{ ok: true }> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const before = await findMeeting(trx, id);
    if (!before || !(await access.can('meeting.read', before.orgId))) throw notFound('会议');
    await access.authorize('meeting.manage', before.orgId);
    if (before.status === 'cancelled') throw conflict('会议已经取消');
    await markMeetingCancelled(trx, id, reason, at);
    await retallyMeetings(trx, [before, { ...before, status: 'cancelled' }]);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'meeting.cancel',
      orgId: before.orgId,
      objectType: 'meeting',
      objectId: id,
      detail: { kind: before.kind, wasStatus: before.status, heldOn: before.heldOn, reason },
    });
  });
  return { ok: true };
}
