import type { Attendance, MeetingKind, MeetingStatus } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { MeetingResolutionTable, MeetingTable } from '../../platform/db/types.js';
import type { VoteRecord } from './meeting-votes.js';

/** A meeting as the use cases see it (one `meeting` row). */
export interface Meeting {
  id: string;
  orgId: string;
  /** The branch the meeting counts for (a group meeting counts for its group's branch). */
  branchId: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: string;
  heldOn: string;
  place: string;
  host: string;
  recorder: string | null;
  lecturer: string | null;
  topics: string;
  makesUpPeriod: string | null;
  minutes: string | null;
  cancelReason: string | null;
  committeeSize: number | null;
  committeePresent: number | null;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
}

/** A meeting with the name of the org that held it, as lists and the detail show it. */
export interface MeetingWithOrg extends Meeting {
  orgName: string;
}

export interface Attendee {
  memberId: string;
  name: string;
  memberStatus: 'full' | 'probationary';
  attendance: Attendance;
}

export interface Resolution {
  id: string;
  position: number;
  text: string;
  /** The vote, when the resolution was voted on. */
  vote: VoteRecord | null;
}

export const toMeeting = (r: MeetingTable): Meeting => ({
  id: r.id,
  orgId: r.org_id,
  branchId: r.branch_id,
  kind: r.kind,
  status: r.status,
  startsAt: r.starts_at,
  heldOn: r.held_on,
  place: r.place,
  host: r.host,
  recorder: r.recorder,
  lecturer: r.lecturer,
  topics: r.topics,
  makesUpPeriod: r.makes_up_period,
  minutes: r.minutes,
  cancelReason: r.cancel_reason,
  committeeSize: r.committee_size === null ? null : Number(r.committee_size),
  committeePresent: r.committee_present === null ? null : Number(r.committee_present),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

const toRow = (m: Meeting): MeetingTable => ({
  id: m.id,
  org_id: m.orgId,
  branch_id: m.branchId,
  kind: m.kind,
  status: m.status,
  starts_at: m.startsAt,
  held_on: m.heldOn,
  place: m.place,
  host: m.host,
  recorder: m.recorder,
  lecturer: m.lecturer,
  topics: m.topics,
  makes_up_period: m.makesUpPeriod,
  minutes: m.minutes,
  cancel_reason: m.cancelReason,
  committee_size: m.committeeSize,
  committee_present: m.committeePresent,
  created_at: m.createdAt,
  created_by: m.createdBy,
  updated_at: m.updatedAt,
});

const resolutionRow = (meetingId: string, r: Resolution): MeetingResolutionTable => {
  const v = r.vote;
  return {
    id: r.id,
    meeting_id: meetingId,
    position: r.position,
    text: r.text,
    voted: v ? 1 : 0,
    entitled: v?.entitled ?? null,
    present: v?.present ?? null,
    in_favour: v?.inFavour ?? null,
    against: v?.against ?? null,
    abstain: v?.abstain ?? null,
    written_in_favour: v?.writtenInFavour ?? null,
    valid: v ? (v.valid ? 1 : 0) : null,
    passed: v ? (v.passed ? 1 : 0) : null,
    reason: v?.reason ?? null,
  };
};

export async function findMeeting(db: Db | Trx, id: string): Promise<Meeting | undefined> {
  const row = await db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMeeting(row);
}

export async function findMeetingWithOrg(db: Db | Trx, id: string): Promise<MeetingWithOrg | undefined> {
  const row = await db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .selectAll('meeting')
    .select('org.name as org_name')
    .where('meeting.id', '=', id)
    .executeTakeFirst();
  return row && { ...toMeeting(row), orgName: row.org_name };
}

/** The org a meeting belongs to (for reading its attachments). */
export async function findMeetingOrgId(db: Db | Trx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('meeting').select('org_id').where('id', '=', id).executeTakeFirst();
  return row?.org_id;
}

/** Inserts meetings (the demo writes many at once: in chunks). */
export async function insertMeetings(trx: Trx, meetings: readonly Meeting[]): Promise<void> {
  for (let i = 0; i < meetings.length; i += 300) {
    await trx
      .insertInto('meeting')
      .values(meetings.slice(i, i + 300).map(toRow))
      .execute();
  }
}

export async function updateMeetingRow(trx: Trx, meeting: Meeting): Promise<void> {
  const { id, ...changes } = toRow(meeting);
  await trx.updateTable('meeting').set(changes).where('id', '=', id).execute();
}

export async function markMeetingCancelled(trx: Trx, id: string, reason: string, at: string): Promise<void> {
  await trx
    .updateTable('meeting')
    .set({ status: 'cancelled', cancel_reason: reason, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/** Removes a meeting's attendees and resolutions (before they are written again). */
export async function clearParticipation(trx: Trx, meetingId: string): Promise<void> {
  await trx.deleteFrom('meeting_attendee').where('meeting_id', '=', meetingId).execute();
  await trx.deleteFrom('meeting_resolution').where('meeting_id', '=', meetingId).execute();
}

/** Inserts attendee rows, each with its meeting (in chunks). */
export async function insertAttendees(trx: Trx, rows: readonly (Attendee & { meetingId: string })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('meeting_attendee')
      .values(
        rows.slice(i, i + 500).map((a) => ({
          meeting_id: a.meetingId,
          member_id: a.memberId,
          member_name: a.name,
          member_status: a.memberStatus,
          attendance: a.attendance,
        })),
      )
      .execute();
  }
}

/** Inserts resolutions one statement each, in order. */
export async function insertResolutions(trx: Trx, rows: readonly (Resolution & { meetingId: string })[]): Promise<void> {
  for (const r of rows) await trx.insertInto('meeting_resolution').values(resolutionRow(r.meetingId, r)).execute();
}

/** A meeting's attendees, by pinyin of the member's current name. */
export async function listAttendees(db: Db | Trx, meetingId: string): Promise<Attendee[]> {
  const rows = await db
    .selectFrom('meeting_attendee')
    .innerJoin('member', 'member.id', 'meeting_attendee.member_id')
    .select([
      'meeting_attendee.member_id',
      'meeting_attendee.member_name',
      'meeting_attendee.member_status',
      'meeting_attendee.attendance',
    ])
    .where('meeting_attendee.meeting_id', '=', meetingId)
    .orderBy('member.name_pinyin')
    .execute();
  return rows.map((a) => ({
    memberId: a.member_id,
    name: a.member_name,
    memberStatus: a.member_status,
    attendance: a.attendance,
  }));
}

export async function listResolutions(db: Db | Trx, meetingId: string): Promise<Resolution[]> {
  const rows = await db
    .selectFrom('meeting_resolution')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: Number(r.position),
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
  }));
}
