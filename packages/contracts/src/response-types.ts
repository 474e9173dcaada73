/**
 * The types of the response (and a few request) schemas that had none yet, named after their schema (PascalCase),
 * for the web's API client: the browser reads and sends exactly what the server's schemas describe, with no shape
 * declared twice.
 */
import type { z } from 'zod';
import type { accountListResponse, createAccountResponse, resetPasswordResponse } from './accounts.js';
import type { appraisalListResponse } from './appraisals.js';
import type { auditEntry, auditListResponse, auditVerifyResponse } from './audit.js';
import type { grantView } from './auth.js';
import type {
  boardResponse,
  createNoticeBody,
  deadlinesResponse,
  extendProbationBody,
  noticeView,
  objectionBody,
  planResponse,
  planRow,
  setPlanBody,
  stepView,
  talentResponse,
  talentRow,
} from './development.js';
import type { duesReductionListResponse, recordDuesPaymentsResponse } from './dues.js';
import type {
  complianceGapsResponse,
  meetingListResponse,
  meetingRosterResponse,
  meetingRulesResponse,
  voteResult,
} from './meetings.js';
import type {
  archiveMemberBody,
  memberListResponse,
  memberTimelineResponse,
  revealMemberBody,
  revealMemberResponse,
} from './members.js';
import type { noticeListResponse, noticeTargetResponse } from './notices.js';
import type {
  committeeView,
  createOrgBody,
  orgHistoryResponse,
  orgListResponse,
  orgSearchResponse,
  termReminderResponse,
} from './orgs.js';
import type { serviceListResponse } from './service-requests.js';
import type { transferListResponse } from './transfers.js';

export type AccountListResponse = z.infer<typeof accountListResponse>;
export type CreateAccountResponse = z.infer<typeof createAccountResponse>;
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponse>;
export type AppraisalListResponse = z.infer<typeof appraisalListResponse>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditListResponse = z.infer<typeof auditListResponse>;
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
export type GrantView = z.infer<typeof grantView>;
export type DevelopmentStepView = z.infer<typeof stepView>;
export type DevelopmentNoticeView = z.infer<typeof noticeView>;
export type DevelopmentBoardResponse = z.infer<typeof boardResponse>;
export type DevelopmentDeadlinesResponse = z.infer<typeof deadlinesResponse>;
export type DevelopmentPlanRow = z.infer<typeof planRow>;
export type DevelopmentPlanResponse = z.infer<typeof planResponse>;
export type TalentRow = z.infer<typeof talentRow>;
export type TalentResponse = z.infer<typeof talentResponse>;
export type RecordDuesPaymentsResponse = z.infer<typeof recordDuesPaymentsResponse>;
export type DuesReductionListResponse = z.infer<typeof duesReductionListResponse>;
export type MeetingListResponse = z.infer<typeof meetingListResponse>;
export type VoteResult = z.infer<typeof voteResult>;
export type MeetingRosterResponse = z.infer<typeof meetingRosterResponse>;
export type ComplianceGapsResponse = z.infer<typeof complianceGapsResponse>;
export type MeetingRulesResponse = z.infer<typeof meetingRulesResponse>;
export type RevealMemberResponse = z.infer<typeof revealMemberResponse>;
export type MemberListResponse = z.infer<typeof memberListResponse>;
export type MemberTimelineResponse = z.infer<typeof memberTimelineResponse>;
export type NoticeListResponse = z.infer<typeof noticeListResponse>;
export type NoticeTargetResponse = z.infer<typeof noticeTargetResponse>;
export type OrgListResponse = z.infer<typeof orgListResponse>;
export type OrgSearchResponse = z.infer<typeof orgSearchResponse>;
export type CommitteeView = z.infer<typeof committeeView>;
export type OrgHistoryResponse = z.infer<typeof orgHistoryResponse>;
export type TermReminderResponse = z.infer<typeof termReminderResponse>;
export type ServiceListResponse = z.infer<typeof serviceListResponse>;
export type TransferListResponse = z.infer<typeof transferListResponse>;

export type CreateDevelopmentNoticeBody = z.input<typeof createNoticeBody>;
export type DevelopmentObjectionBody = z.input<typeof objectionBody>;
export type ExtendProbationBody = z.input<typeof extendProbationBody>;
export type SetDevelopmentPlanBody = z.input<typeof setPlanBody>;
export type RevealMemberBody = z.input<typeof revealMemberBody>;
export type ArchiveMemberBody = z.input<typeof archiveMemberBody>;
export type CreateOrgBody = z.input<typeof createOrgBody>;
