import type { Attendance, Frequency, MeetingKind, MeetingStatus } from '@tongxin/contracts';
import type { Generated } from 'kysely';

/** Organisational life: meetings and their rules, notices and appraisals. Times are UTC ISO-8601 text, dates YYYY-MM-DD text, booleans 0/1 integers. */

export interface MeetingTable {
  id: string;
  org_id: string;
  branch_id: string;
  kind: MeetingKind;
  status: MeetingStatus;
  starts_at: string;
  held_on: string;
  place: string;
  host: string;
  recorder: string | null;
  lecturer: string | null;
  topics: string;
  makes_up_period: string | null;
  minutes: string | null;
  cancel_reason: string | null;
  committee_size: number | null;
  committee_present: number | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface MeetingAttendeeTable {
  meeting_id: string;
  member_id: string;
  member_name: string;
  member_status: 'full' | 'probationary';
  attendance: Attendance;
}

export interface MeetingResolutionTable {
  id: string;
  meeting_id: string;
  position: number;
  text: string;
  voted: number;
  entitled: number | null;
  present: number | null;
  in_favour: number | null;
  against: number | null;
  abstain: number | null;
  written_in_favour: number | null;
  valid: number | null;
  passed: number | null;
  reason: string | null;
}

export type MeetingYearTable = { branch_id: string; year: number } & {
  [K in MeetingKind as `${K}_held` | `${K}_made_up`]: Generated<number>;
};

export interface MeetingRuleTable {
  kind: MeetingKind;
  from_year: number;
  frequency: Frequency;
  set_at: string;
  set_by: string | null;
  set_by_name: string | null;
}

export interface NoticeTable {
  id: string;
  sender_org_id: string;
  title: string;
  body: string;
  roles: string | null;
  sent_at: string;
  sent_by: string | null;
  sent_by_name: string | null;
}

export interface NoticeTargetTable {
  notice_id: string;
  org_id: string;
  subtree: number;
}

export interface ReadReceiptTable {
  notice_id: string;
  user_id: string;
  read_at: string;
}

export interface AppraisalTable {
  id: string;
  org_id: string;
  year: number;
  status: 'open' | 'closed';
  opened_at: string;
  opened_by: string | null;
  opened_by_name: string | null;
  closed_at: string | null;
  closed_by: string | null;
  closed_by_name: string | null;
}

export interface AppraisalEntryTable {
  id: string;
  appraisal_id: string;
  member_id: string;
  member_name: string;
  member_status: 'full' | 'probationary';
  self_assessment: string | null;
  mutual_excellent: number | null;
  mutual_qualified: number | null;
  mutual_basically_qualified: number | null;
  mutual_unqualified: number | null;
  committee_opinion: string | null;
  grade: 'excellent' | 'qualified' | 'basically_qualified' | 'unqualified' | null;
  version: number;
  updated_at: string | null;
  updated_by_name: string | null;
}
