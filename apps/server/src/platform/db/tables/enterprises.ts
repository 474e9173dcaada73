import type {
  CoverageKind,
  InstructorLogKind,
  OperatingStatus,
  ServiceCategory,
  ServiceEvent,
  ServiceStatus,
} from '@tongxin/contracts';
import type { Generated } from 'kysely';

/** Enterprises, instructors and service liaison. Times are UTC ISO-8601 text, dates YYYY-MM-DD text, booleans 0/1 integers. */

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
