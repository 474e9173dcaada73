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

export type AuditEntry = z.infer<typeof auditEntry>;
export type GrantView = z.infer<typeof grantView>;
export type DevelopmentStepView = z.infer<typeof stepView>;
export type DevelopmentNoticeView = z.infer<typeof noticeView>;
export type DevelopmentBoardResponse = z.infer<typeof boardResponse>;
export type DevelopmentDeadlinesResponse = z.infer<typeof deadlinesResponse>;
export type DevelopmentPlanRow = z.infer<typeof planRow>;
export type DevelopmentPlanResponse = z.infer<typeof planResponse>;
export type TalentRow = z.infer<typeof talentRow>;
export type VoteResult = z.infer<typeof voteResult>;
export type CommitteeView = z.infer<typeof committeeView>;

export type CreateDevelopmentNoticeBody = z.input<typeof createNoticeBody>;
export type DevelopmentObjectionBody = z.input<typeof objectionBody>;
export type ExtendProbationBody = z.input<typeof extendProbationBody>;
export type SetDevelopmentPlanBody = z.input<typeof setPlanBody>;
export type RevealMemberBody = z.input<typeof revealMemberBody>;
export type ArchiveMemberBody = z.input<typeof archiveMemberBody>;
export type CreateOrgBody = z.input<typeof createOrgBody>;
