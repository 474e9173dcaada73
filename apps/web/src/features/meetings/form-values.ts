import type { AttachmentInfo, MeetingBody, MeetingDetail, MeetingKind } from '@tongxin/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import type { AttendanceValue } from './AttendanceChips';
import type { Roster } from './api';
import { beijingToday } from './api';

/** What the meeting form holds; dates and times as dayjs for the pickers. */
export interface MeetingFormValues {
  kind: MeetingKind;
  status: 'planned' | 'held';
  date: Dayjs;
  time: Dayjs;
  place: string;
  host: string;
  recorder?: string;
  lecturer?: string;
  topics: string;
  makeUp?: boolean;
  makesUpPeriod?: string;
  minutes?: string;
  attendance?: AttendanceValue;
  resolutions?: { text: string; voted: boolean; inFavour: number; against: number; abstain: number; writtenInFavour: number }[];
  attachments?: AttachmentInfo[];
}

/** Only these kinds vote on resolutions (the quorum rule applies to them). */
export const VOTING_KINDS: MeetingKind[] = ['general_meeting', 'committee_meeting'];

/** The form's starting values: the meeting being planned/recorded/corrected, or a new one for today 14:30. */
export function initialValues(
  meeting: MeetingDetail | undefined,
  mode: 'planned' | 'held',
  kind: MeetingKind,
): Partial<MeetingFormValues> {
  if (!meeting) {
    return {
      kind,
      status: mode,
      date: dayjs(beijingToday()),
      time: dayjs('2000-01-01T14:30'),
      attendance: {},
      resolutions: [],
      attachments: [],
    };
  }
  return {
    kind: meeting.kind,
    status: mode,
    date: dayjs(meeting.heldOn),
    time: dayjs(meeting.startsAt),
    place: meeting.place,
    host: meeting.host,
    recorder: meeting.recorder ?? undefined,
    lecturer: meeting.lecturer ?? undefined,
    topics: meeting.topics,
    makeUp: Boolean(meeting.makesUpPeriod),
    makesUpPeriod: meeting.makesUpPeriod ?? undefined,
    minutes: meeting.minutes ?? undefined,
    attendance: Object.fromEntries(meeting.attendees.map((a) => [a.memberId, a.attendance])),
    resolutions: meeting.resolutions.map((r) => ({
      text: r.text,
      voted: r.vote !== null,
      inFavour: r.vote?.inFavour ?? 0,
      against: r.vote?.against ?? 0,
      abstain: r.vote?.abstain ?? 0,
      writtenInFavour: r.vote?.writtenInFavour ?? 0,
    })),
    attachments: meeting.attachments,
  };
}

/**
 * The request body. A plan carries no attendance or resolutions; a record lists every member of the roster
 * (untapped ones are absent), and only voting kinds keep their votes.
 */
export function meetingBody(orgId: string, v: MeetingFormValues, roster: Roster | undefined): MeetingBody {
  const held = v.status === 'held';
  return {
    orgId,
    kind: v.kind,
    status: v.status,
    date: v.date.format('YYYY-MM-DD'),
    time: v.time.format('HH:mm'),
    place: v.place,
    host: v.host,
    recorder: v.recorder || null,
    lecturer: v.kind === 'party_lecture' ? v.lecturer || null : null,
    topics: v.topics,
    makesUpPeriod: held && v.makeUp ? (v.makesUpPeriod ?? null) : null,
    minutes: v.minutes || null,
    attendance: held
      ? (roster?.members ?? []).map((p) => ({ memberId: p.id, attendance: v.attendance?.[p.id] ?? 'absent' }))
      : [],
    resolutions: held ? (v.resolutions ?? []).map((r) => ({ ...r, voted: VOTING_KINDS.includes(v.kind) && r.voted })) : [],
    attachmentIds: (v.attachments ?? []).map((a) => a.id),
  };
}

/** The form fields a server validation error may name. */
export const FORM_FIELDS = [
  'kind',
  'status',
  'date',
  'time',
  'place',
  'host',
  'recorder',
  'lecturer',
  'topics',
  'makesUpPeriod',
  'minutes',
  'attendance',
  'resolutions',
];
