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
import type { MeetingTable } from '../../platform/db/types.js';
import { removeStored } from '../../platform/files/store.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { setOwnerAttachments } from '../attachments/attachment.repository.js';
import { meetingOrg } from './meeting-org.js';
import { loadOverrides } from './meeting-rules.repository.js';
import { retally, tallyYears } from './meeting-tally.js';
import { judgeVote, type VoteRecord } from './meeting-votes.js';
import { MINUTES_MAX_HTML, sanitizeMinutes } from './minutes-html.js';
import { rosterFor } from './roster.js';

const VOTING_KINDS = ['general_meeting', 'committee_meeting'];

/**
 * Plans (status planned) or records (status held) a meeting, new or existing, in one transaction: checks the
 * org against the kind, the 补开 period against the rules in force, attendance against who was expected,
 * each resolution's vote against the quorum rule; writes attendees, resolutions and attachments; keeps the
 * compliance rollup true for every year the change touches; audits.
 */
export async function saveMeeting(ctx: Ctx, input: MeetingInput, existingId: string | null) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  let removed: string[] = [];
  const id = await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    let before: MeetingTable | undefined;
    if (existingId) {
      before = await trx.selectFrom('meeting').selectAll().where('id', '=', existingId).executeTakeFirst();
      if (!before || !(await access.can('meeting.read', before.org_id))) throw notFound('会议');
      if (before.status === 'cancelled') throw conflict('会议已取消，不能再修改');
      if (before.org_id !== input.orgId) throw invalid('orgId', '不能把会议改到另一个组织，请取消后在该组织重新登记');
    }
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
    const meetingId = existingId ?? uuidv7();
    const row: MeetingTable = {
      id: meetingId,
      org_id: org.id,
      branch_id: org.branchId,
      kind: input.kind,
      status: input.status,
      starts_at: instantOfBeijing(input.date, input.time),
      held_on: input.date,
      place: input.place,
      host: input.host,
      recorder: input.recorder,
      lecturer: input.lecturer,
      topics: input.topics,
      makes_up_period: makesUp,
      minutes,
      cancel_reason: null,
      committee_size: committee?.size ?? null,
      committee_present: committee?.present ?? null,
      created_at: before?.created_at ?? at,
      created_by: before?.created_by ?? access.user!.id,
      updated_at: at,
    };
    if (before) {
      const { id: _id, ...changes } = row;
      await trx.updateTable('meeting').set(changes).where('id', '=', meetingId).execute();
      await trx.deleteFrom('meeting_attendee').where('meeting_id', '=', meetingId).execute();
      await trx.deleteFrom('meeting_resolution').where('meeting_id', '=', meetingId).execute();
    } else {
      await trx.insertInto('meeting').values(row).execute();
    }
    if (attendees.length > 0) {
      await trx
        .insertInto('meeting_attendee')
        .values(
          attendees.map((a) => ({
            meeting_id: meetingId,
            member_id: a.memberId,
            member_name: a.name,
            member_status: a.memberStatus,
            attendance: a.attendance,
          })),
        )
        .execute();
    }
    for (const [i, r] of input.resolutions.entries()) {
      const v = votes[i];
      await trx
        .insertInto('meeting_resolution')
        .values({
          id: uuidv7(),
          meeting_id: meetingId,
          position: i,
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
        })
        .execute();
    }
    const files = await setOwnerAttachments(trx, {
      ownerKind: 'meeting',
      ownerId: meetingId,
      orgId: org.id,
      userId: access.user!.id,
      ids: input.attachmentIds,
      now: at,
    });
    removed = files.removed;

    await retallyChange(trx, before, row);
    await ctx.audit.record(trx, ctx.actor, {
      type: !before
        ? held
          ? 'meeting.record'
          : 'meeting.plan'
        : before.status === 'planned' && held
          ? 'meeting.record'
          : 'meeting.update',
      orgId: org.id,
      objectType: 'meeting',
      objectId: meetingId,
      detail: {
        kind: input.kind,
        status: input.status,
        heldOn: input.date,
        makesUpPeriod: makesUp,
        present: presentCount,
        expected: attendees.length,
        resolutions: input.resolutions.length,
        attachments: input.attachmentIds.length,
      },
    });
    return meetingId;
  });
  await removeStored(ctx.config.dataDir, removed);
  return { id };
}

/** Every expected member gets a row: as marked, or absent; a name not expected is refused. */
function judgeAttendance(input: MeetingInput, roster: { id: string; name: string; memberStatus: 'full' | 'probationary' }[]) {
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

/** Re-tallies the rollup rows the meeting was and is counted in (both sides of an edit). */
export async function retallyChange(trx: Trx, before: MeetingTable | undefined, after: MeetingTable): Promise<void> {
  const keys = new Set<string>();
  for (const m of [before, after]) {
    if (!m) continue;
    for (const y of tallyYears(m)) keys.add(`${m.branch_id}|${m.kind}|${y}`);
  }
  for (const key of keys) {
    const [branchId, kind, year] = key.split('|') as [string, MeetingTable['kind'], string];
    await retally(trx, branchId, kind, Number(year));
  }
}
