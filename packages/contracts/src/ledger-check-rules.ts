/**
 * The ledger health check (台账体检): what it looks for, how serious each finding is, and the rules it applies,
 * as data and pure functions. Zod-free: the browser imports the labels, the server runs the checks.
 */
import { parseIdNumber } from './id-number.js';
import type { Gender, MemberStatus } from './member-labels.js';
import { ageOn, MIN_JOINING_AGE, yearsBefore } from './member-rules.js';
import type { OrgWarning } from './org-rules.js';

/** Kinds of finding, in the order the report lists them: member records first, then org set-up. */
export const LEDGER_CHECK_KINDS = [
  'id_invalid',
  'id_mismatch',
  'joined_under_age',
  'dates_out_of_order',
  'probation_overdue',
  'duplicate',
  'missing_full_on',
  'missing_basics',
  'missing_phone',
  'org_too_few_members',
  'org_committee',
  'org_general_branch',
] as const;
export type LedgerCheckKind = (typeof LEDGER_CHECK_KINDS)[number];

export const LEDGER_CHECK_SEVERITIES = ['severe', 'warning', 'notice'] as const;
export type LedgerCheckSeverity = (typeof LEDGER_CHECK_SEVERITIES)[number];
export const LEDGER_CHECK_SEVERITY_LABELS: Record<LedgerCheckSeverity, string> = {
  severe: '严重',
  warning: '警告',
  notice: '提示',
};

export const LEDGER_CHECK_KIND_LABELS: Record<LedgerCheckKind, string> = {
  id_invalid: '身份证号无效',
  id_mismatch: '身份证号与出生日期或性别不符',
  joined_under_age: '入党时未满18周岁',
  dates_out_of_order: '日期错误或矛盾',
  probation_overdue: '预备期已满未转正',
  duplicate: '疑似重复建档',
  missing_full_on: '正式党员缺转正时间',
  missing_basics: '基本信息不全',
  missing_phone: '未登记联系电话',
  org_too_few_members: '支部正式党员不足',
  org_committee: '未按规定设立支委会',
  org_general_branch: '可考虑设立党总支',
};

/** The usual severity of each kind (a probation far beyond its longest extension is raised to severe). */
export const LEDGER_CHECK_KIND_SEVERITY: Record<LedgerCheckKind, LedgerCheckSeverity> = {
  id_invalid: 'severe',
  id_mismatch: 'severe',
  joined_under_age: 'severe',
  dates_out_of_order: 'warning',
  probation_overdue: 'warning',
  duplicate: 'warning',
  missing_full_on: 'warning',
  missing_basics: 'notice',
  missing_phone: 'notice',
  org_too_few_members: 'warning',
  org_committee: 'warning',
  org_general_branch: 'notice',
};

/** Whether a kind is about a member record (fixed on the member's page) or an org (fixed on the org's page). */
export const LEDGER_CHECK_ORG_KINDS: readonly LedgerCheckKind[] = ['org_too_few_members', 'org_committee', 'org_general_branch'];

/** The rules, as data so a city can change them. */
export const LEDGER_CHECK_RULES = {
  minJoiningAge: MIN_JOINING_AGE,
  /** 预备期 is one year from the branch meeting that admitted the member. */
  probationYears: 1,
  /** It may be extended once by 6–12 months: beyond 1 year + 12 months nothing can explain it. */
  probationLongestYears: 2,
  /** Findings returned per kind; the totals still count them all. */
  maxFindingsPerKind: 200,
} as const;

/** The set-up warnings of `orgWarnings` that the health check reports, and the kind each becomes. */
export const ORG_WARNING_KINDS: Record<string, LedgerCheckKind> = {
  too_few_members: 'org_too_few_members',
  committee_required: 'org_committee',
  general_branch_suggested: 'org_general_branch',
};

const ORG_ADVICE: Record<string, string> = {
  too_few_members: '，应与邻近单位的党员组建联合党支部，或补录遗漏的正式党员',
  committee_required: '，请召开党员大会选举支部委员会并在组织页面登记',
  general_branch_suggested: '，请结合实际研究是否设立党总支',
};

export interface LedgerFindingDraft {
  kind: LedgerCheckKind;
  severity: LedgerCheckSeverity;
  message: string;
}

/** An org set-up warning as a finding: the warning's own words plus what to do about it. Null for others. */
export function orgFinding(warning: OrgWarning): LedgerFindingDraft | null {
  const kind = ORG_WARNING_KINDS[warning.code];
  if (!kind) return null;
  return { kind, severity: LEDGER_CHECK_KIND_SEVERITY[kind], message: `${warning.message}${ORG_ADVICE[warning.code] ?? ''}。` };
}

/** What the check reads of one record. `idNumber` is the decrypted number: it is checked here and never shown. */
export interface LedgerMemberFacts {
  idNumber: string | null;
  /** The stored number's seal did not verify (altered data or the wrong key): reported, never guessed at. */
  idNumberUnreadable?: boolean;
  idNumberMasked: string | null;
  birthDate: string | null;
  gender: Gender | null;
  ethnicity: string | null;
  education: string | null;
  hasPhone: boolean;
  joinedOn: string | null;
  fullOn: string | null;
  status: MemberStatus;
  /** The day probation ends as member development recorded it (1 year, or longer once extended); null if unknown. */
  probationEndsOn?: string | null;
}

/**
 * The findings about one record on its own (duplicates need the others and are found by the server).
 * At most one finding per kind: several faults of one kind are told in one message.
 */
export function memberFindings(f: LedgerMemberFacts, today: string, rules = LEDGER_CHECK_RULES): LedgerFindingDraft[] {
  const out: LedgerFindingDraft[] = [];
  const add = (kind: LedgerCheckKind, messages: string[], severity = LEDGER_CHECK_KIND_SEVERITY[kind]) => {
    if (messages.length) out.push({ kind, severity, message: `${messages.join('；')}。` });
  };

  // The ID number: its form, check digit and birth date, then whether it agrees with the record.
  const id = f.idNumber ? parseIdNumber(f.idNumber, today) : null;
  if (f.idNumberUnreadable) {
    add('id_invalid', [
      '身份证号密文无法解读（数据可能被改动，或密钥与数据不符）',
      '请联系系统管理员核查，核查后重新录入身份证号',
    ]);
  } else if (id && !id.ok) {
    // parseIdNumber's messages begin with 身份证号: the masked number goes right after it.
    const fault = id.message.replace(/^身份证号/, '');
    add('id_invalid', [`身份证号 ${f.idNumberMasked ?? ''} ${fault}`, '请对照身份证或原始档案更正']);
  }
  const mismatch: string[] = [];
  if (id?.ok) {
    if (f.birthDate && id.facts.birthDate !== f.birthDate) {
      mismatch.push(`出生日期 ${f.birthDate} 与身份证号不一致（身份证号中为 ${id.facts.birthDate}）`);
    }
    if (f.gender && id.facts.gender !== f.gender) {
      mismatch.push(`性别与身份证号不一致（身份证号中为${id.facts.gender === 'male' ? '男' : '女'}）`);
    }
    if (mismatch.length) mismatch.push('请核对身份证后更正出生日期、性别或身份证号');
  }
  add('id_mismatch', mismatch);

  // Joining at 18 or older, by the recorded birth date (or the ID's when the record has none).
  const birth = f.birthDate ?? (id?.ok ? id.facts.birthDate : null);
  if (birth && f.joinedOn && f.joinedOn <= today && ageOn(birth, f.joinedOn) < rules.minJoiningAge) {
    add('joined_under_age', [
      `入党时间 ${f.joinedOn} 时未满${rules.minJoiningAge}周岁（出生日期 ${birth}）`,
      '请核对入党志愿书和出生日期，更正录入错误',
    ]);
  }

  const dates: string[] = [];
  if (f.birthDate && f.birthDate > today) dates.push(`出生日期 ${f.birthDate} 晚于今天`);
  if (f.joinedOn && f.joinedOn > today) dates.push(`入党时间 ${f.joinedOn} 晚于今天`);
  if (f.fullOn && f.fullOn > today) dates.push(`转正时间 ${f.fullOn} 晚于今天`);
  if (f.fullOn && f.joinedOn && f.fullOn <= f.joinedOn) dates.push(`转正时间 ${f.fullOn} 不晚于入党时间 ${f.joinedOn}`);
  if (f.status === 'probationary' && f.fullOn) {
    dates.push(`预备党员却填有转正时间 ${f.fullOn}（已转正的请将状态改为正式党员，未转正的请删去转正时间）`);
  }
  if (dates.length) dates.push('请对照档案更正');
  add('dates_out_of_order', dates);

  // Probation: due for confirmation after a year (or the extended end member development recorded); past
  // 1 year + the longest extension, it is severe.
  if (f.status === 'probationary' && f.joinedOn && f.joinedOn <= today) {
    if (f.joinedOn < yearsBefore(today, rules.probationLongestYears)) {
      add(
        'probation_overdue',
        [
          `入党时间 ${f.joinedOn}，预备期已超过${rules.probationLongestYears}年（1年预备期加最长12个月延长期）仍未转正`,
          '请核实：已转正的补录转正时间并改为正式党员，未转正的按规定作出处理',
        ],
        'severe',
      );
    } else if (f.probationEndsOn) {
      if (f.probationEndsOn < today) {
        add('probation_overdue', [
          `入党时间 ${f.joinedOn}，预备期（含延长期）已于 ${f.probationEndsOn} 届满`,
          '请及时召开支部大会讨论转正',
        ]);
      }
    } else if (f.joinedOn < yearsBefore(today, rules.probationYears)) {
      add('probation_overdue', [
        `入党时间 ${f.joinedOn}，预备期已满${rules.probationYears}年`,
        '请及时召开支部大会讨论转正，转正后更新转正时间和党员状态（延长预备期的请在发展党员中登记）',
      ]);
    }
  }

  if (f.status === 'full' && !f.fullOn) add('missing_full_on', ['正式党员未填写转正时间', '请按档案补录转正时间']);

  const missing = [
    !f.idNumber && !f.idNumberUnreadable && '身份证号',
    !f.birthDate && '出生日期',
    !f.gender && '性别',
    !f.ethnicity && '民族',
    !f.education && '学历',
    !f.joinedOn && '入党时间',
  ].filter((v): v is string => typeof v === 'string');
  if (missing.length) add('missing_basics', [`缺少${missing.join('、')}（多为旧台账迁入的记录）`, '请补录']);

  if (!f.hasPhone) add('missing_phone', ['未登记联系电话', '请补录本人手机号，便于通知和联系']);
  return out;
}
