import type { CheckinMethod, EventKind, ParticipantCategory, RegistrationStatus, StudyKind } from '@tongxin/contracts';
import type { Generated } from 'kysely';

/** Events and study hours (issue #15). Times are UTC ISO-8601 text. */

export interface EventTable {
  id: string;
  org_id: string;
  kind: EventKind;
  title: string;
  starts_at: string;
  ends_at: string;
  place: string;
  description: string;
  capacity: number | null;
  seats_taken: Generated<number>;
  queue_last: Generated<number>;
  study_kind: StudyKind;
  summary: string | null;
  /** JSON text: [{ text, serviceRequestId }]. */
  follow_ups: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface EventInviteTable {
  event_id: string;
  org_id: string;
}

export interface EventRegistrationTable {
  id: string;
  event_id: string;
  user_id: string | null;
  name: string;
  unit: string;
  category: ParticipantCategory;
  status: RegistrationStatus;
  queue_position: number | null;
  registered_at: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  checkin_method: CheckinMethod | null;
  checkin_nonce: string | null;
}

export interface StudyHourRuleTable {
  key: string;
  mode: 'fixed' | 'per_hour' | 'target';
  half_hours: number;
}
