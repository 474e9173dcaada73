import {
  frequencyFor,
  instantOfBeijing,
  MEETING_KIND_LABELS,
  type MeetingInput,
  makeUpProblem,
  periodByKey,
} from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { invalid } from '../../platform/http/errors.js';
import { setOwnerAttachments } from '../attachments/attachment.repository.js';
import {
  type Attendee,
  clearParticipation,
  insertAttendees,
  insertMeetings,
  insertResolutions,
  type Meeting,
  updateMeetingRow,
} from './meeting.repository.js';
import { meetingOrg } from './meeting-org.js';
import { loadOverrides } from './meeting-rules.repository.js';
import { retallyMeetings } from './meeting-tally.js';
import { judgeVote, type VoteRecord } from './meeting-votes.js';
import { MINUTES_MAX_HTML, sanitizeMinutes } from './minutes-html.js';
import { rosterFor } from './roster.js';

const VOTING_KINDS = ['general_meeting', 'committee_meeting'];

/**
 * What planning, recording and updating a meeting share, inside the caller's transaction: checks the org
 * against the kind, the 补开 period against the rules in force, attendance against who was expected, each
 * resolution's vote against the quorum rule; writes the meeting (new, or over `before`), its attendees,
 * resolutions and attachments; keeps the compliance rollup true for every year the change touches. Returns the
 * meeting, the stored files to remove after COMMIT and the audit detail; the use case audits.
 */
export async function writeMeeting(trx: Trx, ctx: Ctx, input: MeetingInput, before: Meeting | undefined) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  const access = ctx.access.in(trx);
  const org = await meetingOrg(trx, access, input.orgId, input.kind, 'meeting.manage');
  const held = input.status === 'held';
  if (before?.status === 'held' && !held) throw invalid('status', '已召开的会议不能改回计划');
  if (held && input.date > today) throw invalid('date', '会议日期在今天之后，请先保存为计划，召开后再记录');
  if (input.kind === 'party_lecture' && held && !input.lecturer) throw invalid('lecturer', '请填写讲课人');
  if (input.kind !== 'party_lecture' && input.lecturer) throw invalid('lecturer', '只有党课需要填写讲课人');

  let makesUp: string | null = null;
  if (input.makesUpPeriod) {
    if (!held) throw invalid('makesUpPeriod', '补开只能在记录已召开的会议时选择');
    const period = periodByKey(input.makesUpPeriod);
    const frequency = frequencyFor(input.kind, period?.year ?? 0, await loadOverrides(trx));
    const problem = makeUpProblem(input.makesUpPeriod, frequency, input.date);
    if (problem) throw invalid('makesUpPeriod', problem);
    makesUp = input.makesUpPeriod;
  }

  const roster = await rosterFor(trx, org, input.kind, input.date);
  const attendees = held ? judgeAttendance(input, roster.members) : [];
  if (!held && input.attendance.length > 0) throw invalid('attendance', '计划中的会议还不能登记出席情况，召开后再记录');
  if (!held && input.resolutions.length > 0) throw invalid('resolutions', '计划中的会议还不能登记决议，召开后再记录');
  if (input.resolutions.some((r) => r.voted) && !VOTING_KINDS.includes(input.kind)) {
    throw invalid('resolutions', `${MEETING_KIND_LABELS[input.kind]}不进行表决，只有支部党员大会和支委会可以表决`);
  }
  const presentCount = attendees.filter((a) => a.attendance === 'present').length;
  let committee: { size: number; present: number } | null = null;
  if (held && input.kind === 'committee_meeting' && roster.committeeSize) {
    committee = { size: roster.committeeSize, present: presentCount };
  }
  const electorate =
    input.kind === 'committee_meeting'
      ? { entitled: committee?.size ?? attendees.length, present: presentCount }
      : {
          entitled: attendees.filter((a) => a.memberStatus === 'full').length,
          present: attendees.filter((a) => a.memberStatus === 'full' && a.attendance === 'present').length,
        };
  const votes: (VoteRecord | null)[] = input.resolutions.map((r, i) =>
    r.voted ? judgeVote(input.kind, r, i, electorate) : null,
  );

  const minutes = sanitizeMinutes(input.minutes);
  if (minutes && minutes.length > MINUTES_MAX_HTML) {
    throw invalid('minutes', `会议记录不能超过${MINUTES_MAX_HTML}个字符（含格式），请精简后再保存`);
  }
  const meeting: Meeting = {
    id: before?.id ?? uuidv7(),
    orgId: org.id,
    branchId: org.branchId,
    kind: input.kind,
    status: input.status,
    startsAt: instantOfBeijing(input.date, input.time),
    heldOn: input.date,
    place: input.place,
    host: input.host,
    recorder: input.recorder,
    lecturer: input.lecturer,
    topics: input.topics,
    makesUpPeriod: makesUp,
    minutes,
    cancelReason: null,
    committeeSize: committee?.size ?? null,
    committeePresent: committee?.present ?? null,
    createdAt: before?.createdAt ?? at,
    createdBy: before?.createdBy ?? access.user!.id,
    updatedAt: at,
  };
  if (before) {
    await updateMeetingRow(trx, meeting);
    await clearParticipation(trx, meeting.id);
  } else {
    await insertMeetings(trx, [meeting]);
  }
  await insertAttendees(
    trx,
    attendees.map((a) => ({ ...a, meetingId: meeting.id })),
  );
  await insertResolutions(
    trx,
    input.resolutions.map((r, i) => ({ id: uuidv7(), meetingId: meeting.id, position: i, text: r.text, vote: votes[i] ?? null })),
  );
  const files = await setOwnerAttachments(trx, {
    ownerKind: 'meeting',
    ownerId: meeting.id,
    orgId: org.id,
    userId: access.user!.id,
    ids: input.attachmentIds,
    now: at,
  });

  await retallyMeetings(trx, [before, meeting]);
  const detail = {
    kind: input.kind,
    status: input.status,
    heldOn: input.date,
    makesUpPeriod: makesUp,
    present: presentCount,
    expected: attendees.length,
    resolutions: input.resolutions.length,
    attachments: input.attachmentIds.length,
  };
  return { meeting, removed: files.removed, detail };
}

/** Every expected member gets a row: as marked, or absent; a name not expected is refused. */
function judgeAttendance(
  input: MeetingInput,
  roster: { id: string; name: string; memberStatus: 'full' | 'probationary' }[],
): Attendee[] {
  const marked = new Map(input.attendance.map((a) => [a.memberId, a.attendance]));
  const known = new Set(roster.map((m) => m.id));
  for (const [memberId] of marked) {
    if (!known.has(memberId)) throw invalid('attendance', '出席名单中有不属于本组织应到人员的党员，请刷新后重新勾选');
  }
  const attendees = roster.map((m) => ({
    memberId: m.id,
    name: m.name,
    memberStatus: m.memberStatus,
    attendance: marked.get(m.id) ?? ('absent' as const),
  }));
  if (!attendees.some((a) => a.attendance === 'present')) throw invalid('attendance', '请至少点选一名实到党员');
  return attendees;
}
