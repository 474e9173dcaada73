import type {
  ArchiveReason,
  Attendance,
  CommitteeDuty,
  CommitteeLevel,
  DuesCategory,
  DuesReductionStatus,
  Education,
  Frequency,
  Gender,
  MeetingKind,
  MeetingStatus,
  MemberImportStatus,
  MemberStatus,
  Mobility,
  OrgKind,
  Reach,
  Role,
  TransferDirection,
  TransferEvent,
  TransferReason,
  TransferStatus,
} from '@tongxin/contracts';
import type { Generated } from 'kysely';

/** Database row types. Times are UTC ISO-8601 text, dates YYYY-MM-DD text, booleans 0/1 integers. */
export interface OrgTable {
  id: string;
  parent_id: string | null;
  name: string;
  name_pinyin: string;
  name_initials: string;
  kind: OrgKind;
  level: CommitteeLevel | null;
  status: 'active' | 'archived';
  founded_on: string | null;
  created_at: string;
  archived_at: string | null;
  archive_reason: string | null;
  merged_into_id: string | null;
}
export interface OrgClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}
export interface OrgHistoryTable {
  id: string;
  org_id: string;
  at: string;
  action: string;
  actor_id: string | null;
  summary: string;
}
export interface OrgCommitteeTable {
  id: string;
  org_id: string;
  term_start: string;
  term_end: string;
  elected_on: string | null;
  created_at: string;
  superseded_at: string | null;
}
export interface CommitteeMemberTable {
  id: string;
  committee_id: string;
  name: string;
  duty: CommitteeDuty;
  user_id: string | null;
  position: number;
}
export interface MemberTable {
  id: string;
  org_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  status: MemberStatus;
  joined_on: string | null;
  created_at: string;
  archived_at: string | null;
  gender: Gender | null;
  ethnicity: string | null;
  birth_date: string | null;
  id_number_enc: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  education: Education | null;
  employer_name: string | null;
  enterprise_id: string | null;
  position: string | null;
  full_on: string | null;
  mobility: Generated<Mobility>;
  talent_industry_leader: Generated<number>;
  talent_founder: Generated<number>;
  talent_key_dept_head: Generated<number>;
  remarks: string | null;
  archive_reason: ArchiveReason | null;
  updated_at: string | null;
  version: Generated<number>;
}
export interface OrgMemberCountTable {
  org_id: string;
  direct: number;
  subtree: number;
}
export interface MemberHistoryTable {
  id: string;
  member_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  reason: string | null;
  changes: string;
}
export interface TransferTable {
  id: string;
  direction: TransferDirection;
  status: TransferStatus;
  member_id: string | null;
  member_name: string;
  id_number_enc: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  incoming: string | null;
  from_org_id: string | null;
  to_org_id: string | null;
  external_org_name: string | null;
  cross_province: number;
  letter_no: string;
  issuer_key: string;
  issued_on: string;
  valid_until: string;
  receipt_due: string;
  receipt_on: string | null;
  reason: TransferReason;
  note: string | null;
  resolution_note: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}
export interface TransferEventTable {
  id: string;
  transfer_id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: TransferEvent;
  note: string | null;
}
export interface AppUserTable {
  id: string;
  username: string;
  username_lower: string;
  display_name: string;
  password_hash: string;
  must_change_password: number;
  must_change_username: number;
  home_org_id: string | null;
  disabled_at: string | null;
  created_at: string;
  password_changed_at: string;
  last_login_at: string | null;
  member_id: string | null;
}
export interface RoleGrantTable {
  id: string;
  user_id: string;
  role: Role;
  org_id: string | null;
  reach: Reach;
  created_at: string;
  created_by: string | null;
}
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  idle_minutes: number;
  ip: string | null;
  user_agent: string | null;
}
export interface LoginFailureTable {
  id: string;
  username_lower: string;
  ip: string | null;
  at: string;
}
export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  type: string;
  result: 'success' | 'denied' | 'failed';
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  org_id: string | null;
  object_type: string | null;
  object_id: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}
export interface MemberImportTable {
  id: string;
  user_id: string;
  file_name: string;
  file_hash: string;
  status: MemberImportStatus;
  total_rows: number | null;
  processed_rows: Generated<number>;
  row_count: Generated<number>;
  error_rows: Generated<number>;
  issue_count: Generated<number>;
  issues: Generated<string>;
  message: string | null;
  created_at: string;
  heartbeat_at: string;
  expires_at: string;
  imported_at: string | null;
  imported_count: number | null;
}
export interface MemberImportRowTable {
  import_id: string;
  row_number: number;
  payload: string;
}
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  mac: string;
}

export interface DuesProfileTable {
  id: string;
  member_id: string;
  from_month: string;
  category: DuesCategory;
  base_fen: number | null;
  fixed_fen: number | null;
  note: string | null;
  set_at: string;
  set_by: string | null;
  set_by_name: string | null;
}
export interface DuesPaymentTable {
  id: string;
  member_id: string;
  org_id: string;
  month: string;
  amount_fen: number;
  due_fen: number | null;
  paid_on: string;
  note: string | null;
  large: number;
  recorded_at: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
  revoked_at: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}
export interface DuesReductionTable {
  id: string;
  member_id: string;
  org_id: string;
  approver_org_id: string;
  from_month: string;
  to_month: string;
  amount_fen: number;
  reason: string;
  status: DuesReductionStatus;
  requested_at: string;
  requested_by: string | null;
  requested_by_name: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decision_note: string | null;
}

export interface AttachmentTable {
  id: string;
  owner_kind: string;
  /** Null while pending: uploaded, not yet claimed by the record it belongs to. */
  owner_id: string | null;
  org_id: string;
  file_name: string;
  file_type: string;
  media_type: string;
  size_bytes: number;
  sm3: string;
  storage_name: string;
  uploaded_by: string;
  uploaded_at: string;
  attached_at: string | null;
}

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
/** Per kind: `<kind>_held` (months with a meeting, bit m−1) and `<kind>_made_up` (first months of periods made up). */
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

export interface DB {
  org: OrgTable;
  org_closure: OrgClosureTable;
  org_history: OrgHistoryTable;
  org_committee: OrgCommitteeTable;
  committee_member: CommitteeMemberTable;
  member: MemberTable;
  member_history: MemberHistoryTable;
  member_import: MemberImportTable;
  member_import_row: MemberImportRowTable;
  dues_profile: DuesProfileTable;
  dues_payment: DuesPaymentTable;
  dues_reduction: DuesReductionTable;
  org_member_count: OrgMemberCountTable;
  transfer: TransferTable;
  transfer_event: TransferEventTable;
  attachment: AttachmentTable;
  meeting: MeetingTable;
  meeting_attendee: MeetingAttendeeTable;
  meeting_resolution: MeetingResolutionTable;
  meeting_year: MeetingYearTable;
  meeting_rule: MeetingRuleTable;
  app_user: AppUserTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
