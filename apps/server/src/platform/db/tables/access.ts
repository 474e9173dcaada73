import type { CommitteeDuty, CommitteeLevel, OrgKind, Reach, Role } from '@tongxin/contracts';

/** Organisations, accounts, sessions and the audit log: the platform core. Times are UTC ISO-8601 text, dates YYYY-MM-DD text, booleans 0/1 integers. */

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

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  mac: string;
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
