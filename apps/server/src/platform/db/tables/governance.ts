import type {
  FollowerBand,
  MediaOwnerKind,
  MediaPlatform,
  PledgeIssuerKind,
  RelayTargetKind,
  RumourStatus,
  RumourVerdict,
  VerificationStatus,
} from '@tongxin/contracts';
import type { Generated } from 'kysely';

/** Online governance (issue #17). Times are UTC ISO-8601 text, dates YYYY-MM-DD text, booleans 0/1 integers. */

export interface PledgeTable {
  id: string;
  org_id: string;
  title: string;
  issuer_kind: PledgeIssuerKind;
  issuer_name: string;
  current_version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

export interface PledgeVersionTable {
  id: string;
  pledge_id: string;
  version: number;
  body: string;
  note: string | null;
  published_at: string;
  published_by: string | null;
  published_by_name: string;
}

export interface PledgeSignatureTable {
  id: string;
  pledge_id: string;
  version: number;
  enterprise_id: string;
  signed_at: string;
  signed_by: string | null;
  signed_by_name: string;
}

export interface MediaAccountTable {
  id: string;
  platform: MediaPlatform;
  name: string;
  handle: string;
  owner_kind: MediaOwnerKind;
  enterprise_id: string | null;
  owner_org_id: string | null;
  area_org_id: string;
  operator_name: string;
  follower_band: FollowerBand;
  verification: VerificationStatus;
  url: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  version: Generated<number>;
}

export interface HotEventTable {
  id: string;
  org_id: string;
  title: string;
  summary: string;
  created_at: string;
  created_by: string | null;
}

export interface OfficialReleaseTable {
  id: string;
  event_id: string;
  org_id: string;
  title: string;
  body: string;
  link: string | null;
  authority: string;
  deadline_at: string;
  published_at: string;
  published_by: string | null;
  published_by_name: string;
}

export interface RelayTaskTable {
  id: string;
  release_id: string;
  org_id: string;
  target_kind: RelayTargetKind;
  enterprise_id: string | null;
  target_org_id: string | null;
  media_account_id: string | null;
  target_name: string;
  deadline_at: string;
  reported_at: string | null;
  reported_by: string | null;
  reported_by_name: string | null;
  relay_url: string | null;
  note: string | null;
  late: Generated<number>;
  created_at: string;
}

export interface RebuttalTable {
  id: string;
  org_id: string;
  title: string;
  title_pinyin: string;
  title_initials: string;
  claim: string;
  truth: string;
  source_name: string;
  source_url: string | null;
  published_on: string;
  created_at: string;
  created_by: string | null;
}

export interface RumourReportTable {
  id: string;
  org_id: string;
  text: string;
  url: string | null;
  submitted_at: string;
  submitted_by: string;
  submitted_by_name: string;
  status: RumourStatus;
  verdict: RumourVerdict | null;
  answer: string | null;
  rebuttal_id: string | null;
  official_url: string | null;
  answered_at: string | null;
  answered_by: string | null;
  answered_by_name: string | null;
}
