import type { CreateMemberBody, MemberDetail, UpdateMemberBody } from '@tongxin/contracts';
import {
  checkMemberFacts,
  type Education,
  type FieldIssue,
  type Gender,
  type MemberStatus,
  type Mobility,
  parseIdNumber,
  TALENT_FLAGS,
  type TalentFlag,
} from '@tongxin/contracts/labels';
import dayjs, { type Dayjs } from 'dayjs';

/** What the form holds: dates as dayjs, talents as the ticked flags. */
export interface MemberFormValues {
  orgId?: string | null;
  name?: string;
  idNumber?: string;
  gender?: Gender;
  ethnicity?: string;
  birthDate?: Dayjs | null;
  phone?: string;
  clearPhone?: boolean;
  education?: Education;
  employerName?: string;
  /** The registry enterprise the 工作单位 names, when picked from the search (null: free text). */
  enterpriseId?: string | null;
  position?: string;
  joinedOn?: Dayjs | null;
  fullOn?: Dayjs | null;
  status?: MemberStatus;
  mobility?: Mobility;
  talents?: TalentFlag[];
  remarks?: string;
  reason?: string;
}

/** Every field the server may name in an error (its paths), so that its messages land under them. */
export const MEMBER_FORM_FIELDS = [
  'orgId',
  'name',
  'idNumber',
  'gender',
  'ethnicity',
  'birthDate',
  'phone',
  'education',
  'employerName',
  'position',
  'joinedOn',
  'fullOn',
  'status',
  'mobility',
  'talents',
  'remarks',
  'reason',
] as const;

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : '');
const text = (s: string | undefined) => s?.trim() || null;

export const NEW_MEMBER: MemberFormValues = { ethnicity: '汉族', mobility: 'regular', talents: [] };

/** An existing record as the edit form starts: the ID number and phone stay empty (they show masked as hints). */
export function valuesOf(m: MemberDetail): MemberFormValues {
  return {
    name: m.name,
    idNumber: '',
    gender: m.gender ?? undefined,
    ethnicity: m.ethnicity ?? undefined,
    birthDate: m.birthDate ? dayjs(m.birthDate) : null,
    phone: '',
    clearPhone: false,
    education: m.education ?? undefined,
    employerName: m.employerName ?? '',
    enterpriseId: m.enterpriseId,
    position: m.position ?? '',
    joinedOn: m.joinedOn ? dayjs(m.joinedOn) : null,
    fullOn: m.fullOn ? dayjs(m.fullOn) : null,
    status: m.status,
    mobility: m.mobility,
    talents: TALENT_FLAGS.filter((t) => m.talents[t]),
    remarks: m.remarks ?? '',
    reason: '',
  };
}

/** The birth date and gender an ID number encodes, once it is a whole valid number (else null). */
export function factsFromIdNumber(raw: string | undefined, today: string): { birthDate: Dayjs; gender: Gender } | null {
  const parsed = parseIdNumber(raw ?? '', today);
  return parsed.ok ? { birthDate: dayjs(parsed.facts.birthDate), gender: parsed.facts.gender } : null;
}

/**
 * The server's cross-field rules (checkMemberFacts) run in the browser before sending. In an edit without a new
 * ID number the stored number is unknown here, so its checks are left to the server.
 */
export function formIssues(v: MemberFormValues, today: string, editing: boolean): FieldIssue[] {
  const idNumber = v.idNumber?.trim() ?? '';
  const phone = editing && !v.phone?.trim() ? null : text(v.phone);
  const issues = checkMemberFacts(
    {
      idNumber,
      birthDate: day(v.birthDate),
      gender: v.gender!,
      phone,
      joinedOn: day(v.joinedOn),
      fullOn: day(v.fullOn) || null,
      status: v.status!,
    },
    today,
  );
  return editing && !idNumber ? issues.filter((i) => i.field !== 'idNumber') : issues;
}

function common(v: MemberFormValues) {
  return {
    name: v.name!.trim(),
    gender: v.gender!,
    ethnicity: v.ethnicity! as CreateMemberBody['ethnicity'],
    birthDate: day(v.birthDate),
    education: v.education!,
    employerName: text(v.employerName),
    enterpriseId: (text(v.employerName) && v.enterpriseId) || null,
    position: text(v.position),
    joinedOn: day(v.joinedOn),
    fullOn: day(v.fullOn) || null,
    status: v.status!,
    mobility: v.mobility!,
    talents: Object.fromEntries(TALENT_FLAGS.map((t) => [t, (v.talents ?? []).includes(t)])) as CreateMemberBody['talents'],
    remarks: text(v.remarks),
  };
}

/** The server may name `enterpriseId`; in the form it is the one 工作单位 field (`employerName`). */
export function formFieldOf(path: string): string {
  return path === 'enterpriseId' ? 'employerName' : path;
}

export function createBody(v: MemberFormValues): CreateMemberBody {
  return { orgId: v.orgId!, ...common(v), idNumber: v.idNumber!.trim(), phone: text(v.phone) };
}

/** An edit sends the ID number and phone only when typed anew (or the phone's removal), with the version read. */
export function updateBody(v: MemberFormValues, version: number): UpdateMemberBody {
  const idNumber = v.idNumber?.trim();
  const phone = v.phone?.trim();
  return {
    ...common(v),
    ...(idNumber ? { idNumber } : {}),
    ...(phone ? { phone } : v.clearPhone ? { phone: null } : {}),
    version,
    reason: v.reason!.trim(),
  };
}
