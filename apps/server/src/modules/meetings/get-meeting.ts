import type { MeetingDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { countsFor, presentSummary, SUMMARY_COLUMNS } from './meeting.presenter.js';
import { minutesForDisplay } from './minutes-html.js';

/** One meeting with attendees by name, resolutions with their votes, and attachments (meeting.read there). */
export async function getMeeting(ctx: Ctx, id: string): Promise<MeetingDetail> {
  const access = ctx.access;
  const m = await ctx.db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .select([
      ...SUMMARY_COLUMNS,
      'meeting.recorder',
      'meeting.lecturer',
      'meeting.minutes',
      'meeting.cancel_reason',
      'meeting.committee_size',
      'meeting.committee_present',
      'meeting.created_at',
      'meeting.updated_at',
    ])
    .where('meeting.id', '=', id)
    .executeTakeFirst();
  if (!m || !(await access.can('meeting.read', m.org_id))) throw notFound('会议');
  const [attendees, resolutions, attachments, counts] = await Promise.all([
    ctx.db
      .selectFrom('meeting_attendee')
      .innerJoin('member', 'member.id', 'meeting_attendee.member_id')
      .select([
        'meeting_attendee.member_id',
        'meeting_attendee.member_name',
        'meeting_attendee.member_status',
        'meeting_attendee.attendance',
      ])
      .where('meeting_attendee.meeting_id', '=', id)
      .orderBy('member.name_pinyin')
      .execute(),
    ctx.db.selectFrom('meeting_resolution').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
    listAttachments(ctx.db, 'meeting', id),
    countsFor(ctx.db, [id]),
  ]);
  const manage = m.status !== 'cancelled' && (await access.can('meeting.manage', m.org_id));
  return {
    ...presentSummary(m, counts),
    recorder: m.recorder,
    lecturer: m.lecturer,
    minutes: minutesForDisplay(m.minutes),
    cancelReason: m.cancel_reason,
    attendees: attendees.map((a) => ({
      memberId: a.member_id,
      name: a.member_name,
      memberStatus: a.member_status,
      attendance: a.attendance,
    })),
    resolutions: resolutions.map((r) => ({
      id: r.id,
      text: r.text,
      vote: r.voted
        ? {
            entitled: Number(r.entitled),
            present: Number(r.present),
            inFavour: Number(r.in_favour),
            against: Number(r.against),
            abstain: Number(r.abstain),
            writtenInFavour: Number(r.written_in_favour),
            valid: r.valid === 1,
            passed: r.passed === 1,
            reason: r.reason ?? '',
          }
        : null,
    })),
    committeeQuorum:
      m.committee_size !== null
        ? {
            size: Number(m.committee_size),
            present: Number(m.committee_present),
            met: Number(m.committee_present) * 2 > Number(m.committee_size),
          }
        : null,
    attachments,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    abilities: { edit: manage, cancel: manage },
  };
}
