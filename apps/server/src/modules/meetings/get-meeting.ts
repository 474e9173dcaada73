import type { MeetingDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { presentDetail } from './meeting.presenter.js';
import { findMeetingWithOrg, listAttendees, listResolutions } from './meeting.repository.js';
import { loadMeetingCounts } from './meeting-list.repository.js';

/** One meeting with attendees by name, resolutions with their votes, and attachments (meeting.read there). */
export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingDetail> {
  const access = ctx.access;
  const m = await findMeetingWithOrg(ctx.db, id);
  if (!m || !(await access.can('meeting.read', m.orgId))) throw notFound('会议');
  const [attendees, resolutions, attachments, counts] = await Promise.all([
    listAttendees(ctx.db, id),
    listResolutions(ctx.db, id),
    listAttachments(ctx.db, 'meeting', id),
    loadMeetingCounts(ctx.db, [id]),
  ]);
  const manage = m.status !== 'cancelled' && (await access.can('meeting.manage', m.orgId));
  return presentDetail(m, { attendees, resolutions, attachments, counts }, manage);
}
