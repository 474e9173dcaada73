import type {
  AppUserTable,
  AttachmentTable,
  AuditHeadTable,
  AuditLogTable,
  CommitteeMemberTable,
  LoginFailureTable,
  OrgClosureTable,
  OrgCommitteeTable,
  OrgHistoryTable,
  OrgTable,
  PasswordHistoryTable,
  RoleGrantTable,
  SessionTable,
} from './tables/access.js';
import type {
  DevelopmentNoticeTable,
  DevelopmentObjectionTable,
  DevelopmentPlanTable,
  DevelopmentStepTable,
  DevelopmentTable,
  KeyTalentRecordTable,
  KeyTalentTable,
} from './tables/development.js';
import type {
  EnterpriseContactTable,
  EnterpriseTable,
  InstructorAssignmentTable,
  InstructorLogTable,
  ServiceRequestEventTable,
  ServiceRequestTable,
} from './tables/enterprises.js';
import type { EventInviteTable, EventRegistrationTable, EventTable, StudyHourRuleTable } from './tables/events.js';
import type {
  HotEventTable,
  MediaAccountTable,
  OfficialReleaseTable,
  PledgeSignatureTable,
  PledgeTable,
  PledgeVersionTable,
  RebuttalTable,
  RelayTaskTable,
  RumourReportTable,
} from './tables/governance.js';
import type {
  DuesPaymentTable,
  DuesProfileTable,
  DuesReductionTable,
  MemberHistoryTable,
  MemberImportRowTable,
  MemberImportTable,
  MemberTable,
  OrgMemberCountTable,
  TransferEventTable,
  TransferTable,
} from './tables/ledger.js';
import type {
  AppraisalEntryTable,
  AppraisalTable,
  MeetingAttendeeTable,
  MeetingResolutionTable,
  MeetingRuleTable,
  MeetingTable,
  MeetingYearTable,
  NoticeTable,
  NoticeTargetTable,
  ReadReceiptTable,
} from './tables/organisational-life.js';
import type { RatingTables } from './tables/ratings.js';

export type * from './tables/access.js';
export type * from './tables/development.js';
export type * from './tables/enterprises.js';
export type * from './tables/events.js';
export type * from './tables/governance.js';
export type * from './tables/ledger.js';
export type * from './tables/organisational-life.js';
export type * from './tables/ratings.js';

/** Database row types, one file per area under tables/; this is the schema Kysely sees. */
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
  event: EventTable;
  event_invite: EventInviteTable;
  event_registration: EventRegistrationTable;
  study_hour_rule: StudyHourRuleTable;
  rating_rubric: RatingTables['rating_rubric'];
  rating_round: RatingTables['rating_round'];
  rating: RatingTables['rating'];
  rating_objection: RatingTables['rating_objection'];
  org_star: RatingTables['org_star'];
  showcase: RatingTables['showcase'];
  showcase_progress: RatingTables['showcase_progress'];
  pledge: PledgeTable;
  pledge_version: PledgeVersionTable;
  pledge_signature: PledgeSignatureTable;
  media_account: MediaAccountTable;
  hot_event: HotEventTable;
  official_release: OfficialReleaseTable;
  relay_task: RelayTaskTable;
  rebuttal: RebuttalTable;
  rumour_report: RumourReportTable;
}
