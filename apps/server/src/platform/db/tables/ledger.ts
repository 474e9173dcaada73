import type {
  ArchiveReason,
  DuesCategory,
  DuesReductionStatus,
  Education,
  Gender,
  MemberImportStatus,
  MemberStatus,
  Mobility,
  TransferDirection,
  TransferEvent,
  TransferReason,
  TransferStatus,
} from '@tongxin/contracts';
import type { Generated } from 'kysely';

/** The member ledger: records, history, imports, transfers and dues. Times are UTC ISO-8601 text, dates YYYY-MM-DD text, booleans 0/1 integers. */

/** DP-02/DP-04: an ID number and a phone sealed (SM4), with a blind index for lookup and the masked form to show. */
export interface SealedPersonalColumns {
  id_number_enc: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  phone_enc: string | null;
  phone_index: string | null;
  phone_masked: string | null;
}

export interface MemberTable extends SealedPersonalColumns {
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

export interface TransferTable extends SealedPersonalColumns {
  id: string;
  direction: TransferDirection;
  status: TransferStatus;
  member_id: string | null;
  member_name: string;
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
