import type { MeetingInput } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { removeStored } from '../../platform/files/store.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { findMeeting } from './meeting.repository.js';
import { writeMeeting } from './meeting-write.js';

/**
 * PUT /api/meetings/:id: changes a planned or held meeting (a plan becomes a record when it is marked held); a
 * cancelled meeting is final and a meeting stays with its org; audited as a record or an update.
 */
export async function updateMeeting(ctx: Ctx, id: string, input: MeetingInput): Promise<{ id: string }> {
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const before = await findMeeting(trx, id);
    if (!before || !(await access.can('meeting.read', before.orgId))) throw notFound('会议');
    if (before.status === 'cancelled') throw conflict('会议已取消，不能再修改');
    if (before.orgId !== input.orgId) throw invalid('orgId', '不能把会议改到另一个组织，请取消后在该组织重新登记');
    const { meeting, removed, detail } = await writeMeeting(trx, ctx, input, before);
    await ctx.audit.record(trx, ctx.actor, {
      type: before.status === 'planned' && meeting.status === 'held' ? 'meeting.record' : 'meeting.update',
      orgId: meeting.orgId,
      objectType: 'meeting',
      objectId: meeting.id,
      detail,
    });
    return { id: meeting.id, removed };
  });
  await removeStored(ctx.config.dataDir, saved.removed);
  return { id: saved.id };
}
