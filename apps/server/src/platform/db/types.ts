import type {
  ArchiveReason,
  Attendance,
  CommitteeDuty,
  CommitteeLevel,
  CoverageKind,
  DevelopmentStage,
  DevelopmentStatus,
  DuesCategory,
  DuesReductionStatus,
  Education,
  Frequency,
  Gender,
  InstructorLogKind,
  MeetingKind,
  MeetingStatus,
  MemberImportStatus,
  MemberStatus,
  Mobility,
  NoticePurpose,
  OperatingStatus,
  OrgKind,
  Reach,
  Role,
  ServiceCategory,
  ServiceEvent,
  ServiceStatus,
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
/** AUTH-03: earlier password hashes of an account (the newest few), so a change can refuse them. */
export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  retired_at: string;
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
  kind: Generated<'member' | 'enterprise'>;
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

export interface EnterpriseTable {
  id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  credit_code: string;
  district_org_id: string | null;
  park_org_id: string | null;
  area_org_id: string;
  address: string | null;
  main_business: string | null;
  employee_count: number | null;
  founded_on: string | null;
  legal_representative: string | null;
  contact_name: string | null;
  has_fixed_premises: number;
  operating_status: OperatingStatus;
  covering_org_id: string | null;
  coverage_kind: CoverageKind;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: number;
  archived_at: string | null;
  archive_reason: string | null;
}
export interface EnterpriseContactTable {
  enterprise_id: string;
  user_id: string;
  created_at: string;
  created_by: string | null;
}
export interface InstructorAssignmentTable {
  id: string;
  enterprise_id: string;
  instructor_id: string;
  starts_on: string;
  ends_on: string | null;
  note: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}
export interface InstructorLogTable {
  id: string;
  enterprise_id: string;
  instructor_id: string;
  kind: InstructorLogKind;
  on_date: string;
  notes: string;
  created_at: string;
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

export interface DevelopmentTable {
  id: string;
  org_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: Gender;
  ethnicity: string;
  birth_date: string;
  id_number_enc: string;
  id_number_index: string;
  id_number_masked: string;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  education: Education;
  employer_name: string | null;
  position: string | null;
  talent_industry_leader: number;
  talent_founder: number;
  talent_key_dept_head: number;
  status: DevelopmentStatus;
  stage: DevelopmentStage | 'done';
  last_step: number;
  applied_on: string;
  admitted_on: string | null;
  probation_ends_on: string | null;
  extension_months: number | null;
  extension_reason: string | null;
  next_due: string | null;
  member_id: string | null;
  closed_reason: string | null;
  rules_version: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface DevelopmentStepTable {
  id: string;
  development_id: string;
  step: number;
  done_on: string;
  actor_id: string | null;
  actor_name: string | null;
  note: string | null;
  documents: string;
  detail: string;
  recorded_at: string;
}

export interface DevelopmentNoticeTable {
  id: string;
  development_id: string;
  org_id: string;
  purpose: NoticePurpose;
  starts_on: string;
  ends_on: string;
  working_days: number;
  scope: string | null;
  created_at: string;
  created_by: string | null;
}

export interface DevelopmentObjectionTable {
  id: string;
  notice_id: string;
  received_on: string;
  content: string;
  finding: string | null;
  upheld: number;
  actor_id: string | null;
  actor_name: string | null;
  recorded_at: string;
}

export interface DevelopmentPlanTable {
  id: string;
  org_id: string;
  year: number;
  quota: number;
  note: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface KeyTalentTable {
  id: string;
  org_id: string;
  member_id: string | null;
  development_id: string | null;
  mentor_member_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface KeyTalentRecordTable {
  id: string;
  key_talent_id: string;
  on_date: string;
  content: string;
  actor_id: string | null;
  actor_name: string | null;
  recorded_at: string;
}

export interface ServiceRequestTable {
  id: string;
  enterprise_id: string;
  org_id: string;
  covering_org_id: string | null;
  category: ServiceCategory;
  title: string;
  description: string;
  status: ServiceStatus;
  raised_at: string;
  raised_on: string;
  raised_by: string;
  raised_by_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  due_on: string;
  rule_version: string;
  answered_at: string | null;
  closed_at: string | null;
  rating: number | null;
  rating_comment: string | null;
  reopen_count: Generated<number>;
  last_activity_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ServiceRequestEventTable {
  id: string;
  request_id: string;
  at: string;
  kind: ServiceEvent;
  side: 'requester' | 'handler';
  actor_id: string | null;
  actor_name: string | null;
  body: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  rating: number | null;
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
  enterprise: EnterpriseTable;
  enterprise_contact: EnterpriseContactTable;
  instructor_assignment: InstructorAssignmentTable;
  instructor_log: InstructorLogTable;
  org_member_count: OrgMemberCountTable;
  transfer: TransferTable;
  transfer_event: TransferEventTable;
  attachment: AttachmentTable;
  app_user: AppUserTable;
  password_history: PasswordHistoryTable;
  role_grant: RoleGrantTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  meeting: MeetingTable;
  meeting_attendee: MeetingAttendeeTable;
  meeting_resolution: MeetingResolutionTable;
  meeting_year: MeetingYearTable;
  meeting_rule: MeetingRuleTable;
  notice: NoticeTable;
  notice_target: NoticeTargetTable;
  read_receipt: ReadReceiptTable;
  appraisal: AppraisalTable;
  appraisal_entry: AppraisalEntryTable;
  development: DevelopmentTable;
  development_step: DevelopmentStepTable;
  development_notice: DevelopmentNoticeTable;
  development_objection: DevelopmentObjectionTable;
  development_plan: DevelopmentPlanTable;
  key_talent: KeyTalentTable;
  key_talent_record: KeyTalentRecordTable;
  service_request: ServiceRequestTable;
  service_request_event: ServiceRequestEventTable;
}
