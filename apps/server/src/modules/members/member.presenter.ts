import {
  EDUCATION_LABELS,
  GENDER_LABELS,
  MEMBER_FIELD_LABELS,
  MEMBER_STATUS_LABELS,
  type MemberDetail,
  type MemberSummary,
  MOBILITY_LABELS,
  TALENT_FLAGS,
  TALENT_LABELS,
} from '@tongxin/contracts';
import type { MemberChange, MemberRow } from './member.repository.js';

type SummaryRow = Pick<
  MemberRow,
  | 'id'
  | 'org_id'
  | 'name'
  | 'gender'
  | 'birth_date'
  | 'id_number_masked'
  | 'phone_masked'
  | 'education'
  | 'status'
  | 'mobility'
  | 'joined_on'
  | 'full_on'
  | 'archived_at'
> & { org_name: string };

export function presentSummary(r: SummaryRow): MemberSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked,
    education: r.education,
    status: r.status,
    mobility: r.mobility,
    joinedOn: r.joined_on,
    fullOn: r.full_on,
    archivedAt: r.archived_at,
  };
}

/** The full (masked) record for the member page. */
export function presentDetail(
  r: MemberRow & { org_name: string },
  path: MemberDetail['path'],
  abilities: MemberDetail['abilities'],
  employerLinkVisible = false,
): MemberDetail {
  return {
    ...presentSummary(r),
    ethnicity: r.ethnicity,
    employerName: r.employer_name,
    enterpriseId: r.enterprise_id,
    employerLinkVisible: r.enterprise_id !== null && employerLinkVisible,
    position: r.position,
    talents: presentTalents(r),
    remarks: r.remarks,
    archiveReason: r.archive_reason,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at ?? r.created_at,
    path,
    abilities,
  };
}

export function presentTalents(r: Pick<MemberRow, 'talent_industry_leader' | 'talent_founder' | 'talent_key_dept_head'>) {
  return {
    industryLeader: r.talent_industry_leader === 1,
    founder: r.talent_founder === 1,
    keyDeptHead: r.talent_key_dept_head === 1,
  };
}

/** How each field reads in the timeline: labels for choices, masked forms for personal data. */
function shown(r: MemberRow): Record<string, string | null> {
  const talents = presentTalents(r);
  return {
    [MEMBER_FIELD_LABELS.name]: r.name,
    [MEMBER_FIELD_LABELS.gender]: r.gender && GENDER_LABELS[r.gender],
    [MEMBER_FIELD_LABELS.ethnicity]: r.ethnicity,
    [MEMBER_FIELD_LABELS.birthDate]: r.birth_date,
    [MEMBER_FIELD_LABELS.idNumber]: r.id_number_masked,
    [MEMBER_FIELD_LABELS.phone]: r.phone_masked,
    [MEMBER_FIELD_LABELS.education]: r.education && EDUCATION_LABELS[r.education],
    [MEMBER_FIELD_LABELS.employerName]: r.employer_name,
    // Linking or unlinking the registry shows in the timeline even when the name stays the same.
    [MEMBER_FIELD_LABELS.enterpriseId]: r.enterprise_id ? '企业名录' : r.employer_name ? '手工填写' : null,
    [MEMBER_FIELD_LABELS.position]: r.position,
    [MEMBER_FIELD_LABELS.joinedOn]: r.joined_on,
    [MEMBER_FIELD_LABELS.fullOn]: r.full_on,
    [MEMBER_FIELD_LABELS.status]: MEMBER_STATUS_LABELS[r.status],
    [MEMBER_FIELD_LABELS.mobility]: MOBILITY_LABELS[r.mobility],
    [MEMBER_FIELD_LABELS.talents]:
      TALENT_FLAGS.filter((f) => talents[f])
        .map((f) => TALENT_LABELS[f])
        .join('、') || null,
    [MEMBER_FIELD_LABELS.remarks]: r.remarks,
  };
}

/** The fields that differ between two versions of a record. A changed ID number shows as changed even if its mask does not. */
export function diffMember(before: MemberRow, after: MemberRow): MemberChange[] {
  const a = shown(before);
  const b = shown(after);
  const changes = Object.keys(a)
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
  const idField = MEMBER_FIELD_LABELS.idNumber;
  if (before.id_number_index !== after.id_number_index && !changes.some((c) => c.field === idField)) {
    changes.push({ field: idField, before: before.id_number_masked, after: after.id_number_masked });
  }
  const phoneField = MEMBER_FIELD_LABELS.phone;
  if (before.phone_index !== after.phone_index && !changes.some((c) => c.field === phoneField)) {
    changes.push({ field: phoneField, before: before.phone_masked, after: after.phone_masked });
  }
  return changes;
}

/** A whole record as the timeline's first entry shows it. */
export function describeMember(r: MemberRow): MemberChange[] {
  return Object.entries(shown(r))
    .filter(([, v]) => v !== null && v !== '')
    .map(([field, after]) => ({ field, before: null, after }));
}
