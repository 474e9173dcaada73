import {
  type CategoryCount,
  type EventDetail,
  type EventSummary,
  PARTICIPANT_CATEGORIES,
  type ParticipantDto,
  type RegistrationDto,
  type StudyHourRules,
  studyHoursOf,
} from '@tongxin/contracts';
import type { EventRow, RegistrationRow } from './event.repository.js';

type SummaryRow = Pick<
  EventRow,
  'id' | 'org_id' | 'org_name' | 'kind' | 'title' | 'starts_at' | 'ends_at' | 'place' | 'capacity' | 'seats_taken'
>;

export const toRegistration = (r: RegistrationRow): RegistrationDto => ({
  id: r.id,
  status: r.status,
  queuePosition: r.queue_position,
  category: r.category,
  checkedInAt: r.checked_in_at,
});

export const toEventSummary = (e: SummaryRow, mine: RegistrationRow | undefined): EventSummary => ({
  id: e.id,
  orgId: e.org_id,
  orgName: e.org_name,
  kind: e.kind,
  title: e.title,
  startsAt: e.starts_at,
  endsAt: e.ends_at,
  place: e.place,
  capacity: e.capacity,
  seatsTaken: Number(e.seats_taken),
  mine: mine ? toRegistration(mine) : null,
});

const toParticipant = (r: RegistrationRow): ParticipantDto => ({
  id: r.id,
  name: r.name,
  unit: r.unit,
  category: r.category,
  status: r.status,
  queuePosition: r.queue_position,
  checkedInAt: r.checked_in_at,
  checkinMethod: r.checkin_method,
  hasAccount: r.user_id !== null,
});

/** The organiser's count by the salon's four parties: registered (on a seat), waiting, checked in. */
export function countByCategory(rows: readonly RegistrationRow[]): CategoryCount[] {
  return PARTICIPANT_CATEGORIES.map((category) => {
    const of = rows.filter((r) => r.category === category);
    return {
      category,
      registered: of.filter((r) => r.status === 'registered').length,
      waiting: of.filter((r) => r.status === 'waiting').length,
      checkedIn: of.filter((r) => r.status === 'registered' && r.checked_in_at !== null).length,
    };
  });
}

export function toEventDetail(p: {
  event: EventRow;
  manage: boolean;
  mine: RegistrationRow | undefined;
  invites: { orgId: string; orgName: string }[];
  photos: { id: string; fileName: string }[];
  registrations: RegistrationRow[] | null;
  waitingCount: number;
  rules: StudyHourRules;
  now: Date;
}): EventDetail {
  const { event, mine } = p;
  const ended = Date.parse(event.ends_at) <= p.now.getTime();
  const active = mine !== undefined && mine.status !== 'cancelled';
  const participants = p.registrations
    ? [...p.registrations]
        .filter((r) => r.status !== 'cancelled')
        .sort((a, b) => (a.status === b.status ? 0 : a.status === 'registered' ? -1 : 1))
    : null;
  return {
    ...toEventSummary(event, mine),
    description: event.description,
    studyKind: event.study_kind,
    studyHours: studyHoursOf({ studyKind: event.study_kind, startsAt: event.starts_at, endsAt: event.ends_at }, p.rules),
    invites: p.invites,
    summary: event.summary,
    followUps: JSON.parse(event.follow_ups) as EventDetail['followUps'],
    photos: p.photos.map((f) => ({ id: f.id, name: f.fileName })),
    waitingCount: p.waitingCount,
    participants: participants ? participants.map(toParticipant) : null,
    byCategory: p.registrations ? countByCategory(p.registrations) : null,
    abilities: {
      manage: p.manage,
      register: !ended && !active,
      cancel: !ended && active && mine?.checked_in_at === null,
      checkInCode: !ended && mine?.status === 'registered' && mine.checked_in_at === null,
    },
  };
}
