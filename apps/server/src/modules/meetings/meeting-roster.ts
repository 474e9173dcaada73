import type { MeetingKind } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { meetingOrg } from './meeting-org.js';
import { rosterFor } from './roster.js';

/** GET /api/meetings/roster: who is expected at such a meeting, for the attendance chips (meeting.manage). */
export async function meetingRoster(ctx: Ctx, q: { orgId: string; kind: MeetingKind; date?: string | undefined }) {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await meetingOrg(trx, ctx.access.in(trx), q.orgId, q.kind, 'meeting.manage');
    return rosterFor(trx, org, q.kind, q.date ?? beijingDate(ctx.clock.now()));
  });
}
