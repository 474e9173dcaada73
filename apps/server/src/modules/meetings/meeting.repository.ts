import type { Attendance, MeetingKind, MeetingStatus } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB, MeetingResolutionTable, MeetingTable } from '../../platform/db/types.js';
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

export interface MeetingListFilter {
  orgId: string;
  kind?: MeetingKind | undefined;
  status?: MeetingStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The caller's scope over `meeting.org_id` (AZ-03). */
  scope: Expression<SqlBool>;
}

const toMeeting = (r: MeetingTable): Meeting => ({
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

/** One page of meetings of an org's subtree through the caller's scope, newest first, and the total. */
export async function listMeetingPage(
  db: Db | Trx,
  f: MeetingListFilter,
  page: { limit: number; offset: number },
): Promise<{ items: MeetingWithOrg[]; total: number }> {
  const where = (eb: ExpressionBuilder<DB, 'meeting' | 'org'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.depth')
          .where('org_closure.ancestor_id', '=', f.orgId)
          .whereRef('org_closure.descendant_id', '=', 'meeting.org_id'),
      ),
      f.scope,
    ];
    if (f.kind) all.push(eb('meeting.kind', '=', f.kind));
    if (f.status) all.push(eb('meeting.status', '=', f.status));
    if (f.from) all.push(eb('meeting.held_on', '>=', f.from));
    if (f.to) all.push(eb('meeting.held_on', '<=', f.to));
    return eb.and(all);
  };
  const rows = await db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .selectAll('meeting')
    .select('org.name as org_name')
    .where(where)
    .orderBy('meeting.starts_at', 'desc')
    .orderBy('meeting.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => ({ ...toMeeting(r), orgName: r.org_name })), total: Number(counted.n) };
}

export interface MeetingCounts {
  attendance: Map<string, { expected: number; present: number; onLeave: number }>;
  photos: Map<string, number>;
}

/** Attendance counts and photo counts for a page of meetings: two grouped queries. */
export async function loadMeetingCounts(db: Db | Trx, ids: string[]): Promise<MeetingCounts> {
  const attendance = new Map<string, { expected: number; present: number; onLeave: number }>();
  const photos = new Map<string, number>();
  if (ids.length === 0) return { attendance, photos };
  const rows = await db
    .selectFrom('meeting_attendee')
    .select(['meeting_id', 'attendance', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('meeting_id', 'in', ids)
    .groupBy(['meeting_id', 'attendance'])
    .execute();
  for (const r of rows) {
    const c = attendance.get(r.meeting_id) ?? { expected: 0, present: 0, onLeave: 0 };
    c.expected += Number(r.n);
    if (r.attendance === 'present') c.present += Number(r.n);
    if (r.attendance === 'on_leave') c.onLeave += Number(r.n);
    attendance.set(r.meeting_id, c);
  }
  const pics = await db
    .selectFrom('attachment')
    .select(['owner_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('owner_kind', '=', 'meeting')
    .where('owner_id', 'in', ids)
    .where('media_type', 'like', 'image/%')
    .groupBy('owner_id')
    .execute();
  for (const p of pics) photos.set(p.owner_id!, Number(p.n));
  return { attendance, photos };
}

/** The held meetings a rollup row for one branch, kind and year is computed from (a year and its makeups). */
export async function heldMeetingsForTally(
  db: Db | Trx,
  branchId: string,
  kind: MeetingKind,
  year: number,
): Promise<{ heldOn: string; makesUpPeriod: string | null }[]> {
  const rows = await db
    .selectFrom('meeting')
    .select(['held_on', 'makes_up_period'])
    .where('branch_id', '=', branchId)
    .where('kind', '=', kind)
    .where('status', '=', 'held')
    // Meetings held this year, and makeups held up to a year later for this year's periods.
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year + 1}-12-31`)
    .execute();
  return rows.map((r) => ({ heldOn: r.held_on, makesUpPeriod: r.makes_up_period }));
}

/** Writes one kind's two columns of a branch's rollup row for a year (month bit masks). */
export async function saveMeetingYear(
  trx: Trx,
  branchId: string,
  year: number,
  kind: MeetingKind,
  masks: { held: number; madeUp: number },
): Promise<void> {
  const columns = { [`${kind}_held`]: masks.held, [`${kind}_made_up`]: masks.madeUp } as Record<
    `${MeetingKind}_held` | `${MeetingKind}_made_up`,
    number
  >;
  await trx
    .insertInto('meeting_year')
    .values({ branch_id: branchId, year, ...columns })
    .onConflict((oc) => oc.columns(['branch_id', 'year']).doUpdateSet(columns))
    .execute();
}
