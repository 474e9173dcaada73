import { normaliseMobile, parseIdNumber } from './id-number.js';
import type { Gender, MemberField, MemberStatus } from './member-labels.js';

/** The minimum age at joining the Party (《中国共产党章程》 Article 1). */
export const MIN_JOINING_AGE = 18;

export interface MemberFacts {
  idNumber: string;
  birthDate: string;
  gender: Gender;
  phone: string | null;
  joinedOn: string;
  fullOn: string | null;
  status: MemberStatus;
}

export interface FieldIssue {
  field: MemberField;
  message: string;
}

/** Whole years from `birthDate` to `onDate` (ISO dates); someone born on 29 February comes of age on 1 March. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The date `years` before `date`, as text (29 February then compares between the 28th and 1 March). */
export const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;

/**
 * The cross-field rules of a member record (IN-02): the ID number's checksum, birth date and gender against the
 * ID, a mainland mobile, joining at 18 or older, and dates in order. The same checks run on the form, the API,
 * the importer and the ledger health check, so each names the field it is about.
 */
export function checkMemberFacts(f: MemberFacts, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const id = parseIdNumber(f.idNumber, today);
  if (!id.ok) issues.push({ field: 'idNumber', message: id.message });
  else {
    if (id.facts.birthDate !== f.birthDate) {
      issues.push({ field: 'birthDate', message: `出生日期与身份证号不一致（身份证号中为 ${id.facts.birthDate}）` });
    }
    if (id.facts.gender !== f.gender) {
      issues.push({
        field: 'gender',
        message: `性别与身份证号不一致（身份证号中为${id.facts.gender === 'male' ? '男' : '女'}）`,
      });
    }
  }
  if (f.birthDate > today) issues.push({ field: 'birthDate', message: '出生日期不能晚于今天' });
  if (f.phone && !normaliseMobile(f.phone)) {
    issues.push({ field: 'phone', message: '联系电话应为11位大陆手机号码（如 13812345678）' });
  }
  if (f.joinedOn > today) issues.push({ field: 'joinedOn', message: '入党时间不能晚于今天' });
  else if (ageOn(f.birthDate, f.joinedOn) < MIN_JOINING_AGE) {
    issues.push({ field: 'joinedOn', message: `入党时未满${MIN_JOINING_AGE}周岁（出生日期 ${f.birthDate}）` });
  }
  if (f.status === 'full' && !f.fullOn) issues.push({ field: 'fullOn', message: '正式党员须填写转正时间' });
  if (f.status === 'probationary' && f.fullOn) issues.push({ field: 'fullOn', message: '预备党员不应有转正时间' });
  if (f.fullOn) {
    if (f.fullOn <= f.joinedOn) issues.push({ field: 'fullOn', message: '转正时间应晚于入党时间' });
    else if (f.fullOn > today) issues.push({ field: 'fullOn', message: '转正时间不能晚于今天' });
  }
  return issues;
}

/** Members are kept on the rolls of branches, joint branches and general branches (not committees or groups). */
export const MEMBER_ORG_KINDS = ['branch', 'joint_branch', 'general_branch'] as const;
