import type { MeetingInput } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { removeStored } from '../../platform/files/store.js';
import { writeMeeting } from './meeting-write.js';

/**
 * POST /api/meetings with status held: records a meeting that took place, with attendance, resolutions and
 * their votes, minutes and files; it counts in compliance from now on; audited.
 */
export async function recordMeeting(ctx: Ctx, input: MeetingInput): Promise<{ id: string }> {
  const saved = await ctx.db.transaction().execute(async (trx) => {
    const { meeting, removed, detail } = await writeMeeting(trx, ctx, input, undefined);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'meeting.record',
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
