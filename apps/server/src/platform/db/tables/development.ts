import type { DevelopmentStage, DevelopmentStatus, Education, Gender, NoticePurpose } from '@tongxin/contracts';
import type { Generated } from 'kysely';

/** Member development: files, steps, public notices, plans and key talents. Times are UTC ISO-8601 text, dates YYYY-MM-DD text, booleans 0/1 integers. */

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
