import type { MeetingKind } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { meetingOrg } from './meeting-org.js';
import { rosterFor } from './roster.js';

/** GET /api/meetings/roster: who is expected at such a meeting, for the attendance chips (meeting.manage). */
export async function meetingRoster(
  deps: Deps,
  request: FastifyRequest,
  q: { orgId: string; kind: MeetingKind; date?: string | undefined },
) {
  return deps.db.transaction().execute(async (trx) => {
    const org = await meetingOrg(trx, request.access.in(trx), q.orgId, q.kind, 'meeting.manage');
    return rosterFor(trx, org, q.kind, q.date ?? beijingDate(deps.clock.now()));
  });
}
