/**
 * Member development (发展党员), as data: the 5 stages and 25 steps of 《中国共产党发展党员工作细则》 (2014) with
 * who acts, what record each step leaves and its time rules (DOMAIN.md "Member development"). The pipeline's
 * code reads this table; a city changes a number here (a new `version`), never in a code path.
 * Pure functions only (no zod), so the browser uses them for due dates and form hints.
 */
import { addMonthsToDate } from './transfer-rules.js';

export const DEVELOPMENT_STAGES = ['applicant', 'activist', 'candidate', 'admission', 'probation'] as const;
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];
export const DEVELOPMENT_STAGE_LABELS: Record<DevelopmentStage | 'done', string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  admission: '预备党员接收',
  probation: '预备期',
  done: '已转正',
};

/** 进行中 / 已转正 (all 25 steps) / 已终止 (withdrew, not passed, no longer cultivated; with a reason). */
export const DEVELOPMENT_STATUSES = ['active', 'done', 'closed'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];
export const DEVELOPMENT_STATUS_LABELS: Record<DevelopmentStatus, string> = {
  active: '进行中',
  done: '已转正',
  closed: '已终止',
};

/**
 * What a step's form asks for beyond its date, note and documents. `vote`: the branch general meeting's count
 * (quorum rule) and the candidates it covered — exactly one. `mentors` / `sponsors`: full members of the branch.
 */
export const STEP_KINDS = ['plain', 'review', 'mentors', 'sponsors', 'political_review', 'training', 'vote'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Who may record a step: the person's own branch, or the committee above it (审批、预审、备案、谈话). */
export type StepRecorder = 'branch' | 'upper';

export interface DevelopmentStep {
  no: number;
  stage: DevelopmentStage;
  title: string;
  /** Who does it, in the regulation's words. */
  actor: string;
  recorder: StepRecorder;
  kind: StepKind;
  /** The records the file should hold for it (一人一档). */
  records: readonly string[];
  /** Recorded more than once (the six-monthly reviews). */
  repeatable?: boolean;
}

const s = (
  no: number,
  stage: DevelopmentStage,
  title: string,
  actor: string,
  recorder: StepRecorder,
  kind: StepKind,
  records: string[],
  repeatable = false,
): DevelopmentStep => ({ no, stage, title, actor, recorder, kind, records, ...(repeatable ? { repeatable } : {}) });

export const DEVELOPMENT_STEPS: readonly DevelopmentStep[] = [
  s(1, 'applicant', '递交入党申请书', '入党申请人', 'branch', 'plain', ['入党申请书']),
  s(2, 'applicant', '党组织派人谈话', '党支部', 'branch', 'plain', ['谈话记录']),
  s(3, 'activist', '推荐和确定入党积极分子', '支部委员会', 'branch', 'plain', ['推荐材料', '支委会会议记录']),
  s(4, 'activist', '上级党委备案', '上级党委', 'upper', 'plain', ['入党积极分子备案表']),
  s(5, 'activist', '指定培养联系人', '党支部', 'branch', 'mentors', ['培养联系人指定记录']),
  s(6, 'activist', '培养教育考察', '党支部', 'branch', 'review', ['入党积极分子培养教育考察登记表'], true),
  s(7, 'candidate', '确定发展对象', '支部委员会', 'branch', 'plain', ['听取意见记录', '支委会会议记录']),
  s(8, 'candidate', '报上级党委备案', '上级党委', 'upper', 'plain', ['发展对象备案表']),
  s(9, 'candidate', '确定入党介绍人', '党支部', 'branch', 'sponsors', ['入党介绍人确定记录']),
  s(10, 'candidate', '进行政治审查', '党支部', 'branch', 'political_review', ['政治审查报告']),
  s(11, 'candidate', '开展集中培训', '上级党委', 'branch', 'training', ['培训结业证明']),
  s(12, 'admission', '支部委员会审查', '支部委员会', 'branch', 'plain', ['支委会审查意见', '公示情况']),
  s(13, 'admission', '上级党委预审', '上级党委', 'upper', 'plain', ['预审意见']),
  s(14, 'admission', '填写入党志愿书', '发展对象', 'branch', 'plain', ['入党志愿书']),
  s(15, 'admission', '支部大会讨论', '支部党员大会', 'branch', 'vote', ['支部大会会议记录', '表决票']),
  s(16, 'admission', '上级党委派人谈话', '上级党委', 'upper', 'plain', ['谈话记录']),
  s(17, 'admission', '上级党委审批', '上级党委', 'upper', 'plain', ['审批意见']),
  s(18, 'admission', '再上一级党委组织部门备案', '上级党委组织部门', 'upper', 'plain', ['备案回执']),
  s(19, 'probation', '编入党支部和党小组', '党支部', 'branch', 'plain', ['编入记录']),
  s(20, 'probation', '入党宣誓', '党支部', 'branch', 'plain', ['宣誓记录']),
  s(21, 'probation', '继续教育考察', '党支部', 'branch', 'review', ['预备党员考察登记表'], true),
  s(22, 'probation', '提出转正申请', '预备党员', 'branch', 'plain', ['转正申请书']),
  s(23, 'probation', '支部大会讨论', '支部党员大会', 'branch', 'vote', ['支部大会会议记录', '表决票', '转正公示情况']),
  s(24, 'probation', '上级党委审批', '上级党委', 'upper', 'plain', ['审批意见']),
  s(25, 'probation', '材料归档', '党支部', 'branch', 'plain', ['入党材料归档清单']),
];

export const STEP_COUNT = DEVELOPMENT_STEPS.length;
export const stepOf = (no: number): DevelopmentStep | undefined => DEVELOPMENT_STEPS[no - 1];

/** The key steps the time rules and the ledger hang on. */
export const STEP = {
  application: 1,
  talk: 2,
  activist: 3,
  review: 6,
  candidate: 7,
  politicalReview: 10,
  training: 11,
  branchReview: 12,
  admissionVote: 15,
  admissionApproval: 17,
  confirmationVote: 23,
  confirmationApproval: 24,
  archive: 25,
} as const;

/** The rules' numbers (DOMAIN.md defaults). A file records the version it was run under. */
export const DEVELOPMENT_RULES = {
  version: '2014-细则-1',
  minAge: 18,
  talkWithinMonths: 1,
  mentorsMin: 1,
  mentorsMax: 2,
  activistMinMonths: 12,
  reviewEveryMonths: 6,
  sponsors: 2,
  trainingMinDays: 3,
  trainingMinHours: 24,
  /** 公示: configurable; working days skip weekends (statutory holidays are not modelled). */
  noticeWorkingDays: 5,
  approvalWithinMonths: 3,
  probationMonths: 12,
  extensionMinMonths: 6,
  extensionMaxMonths: 12,
  /** A deadline this close shows as upcoming (and on the to-do list). */
  upcomingDays: 30,
} as const;
export type DevelopmentRules = typeof DEVELOPMENT_RULES;

export const NOTICE_PURPOSES = ['admission', 'confirmation'] as const;
export type NoticePurpose = (typeof NOTICE_PURPOSES)[number];
export const NOTICE_PURPOSE_LABELS: Record<NoticePurpose, string> = {
  admission: '发展对象公示',
  confirmation: '预备党员转正公示',
};
/** Which step waits for which notice to have ended. */
export const NOTICE_BEFORE_STEP: Record<NoticePurpose, number> = {
  admission: STEP.branchReview,
  confirmation: STEP.confirmationVote,
};

export { addMonthsToDate };

const pad = (n: number) => String(n).padStart(2, '0');
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

const isWeekend = (date: string) => [0, 6].includes(utc(date).getUTCDay());

/**
 * The last day of a notice of `days` working days starting on `start` (counted if it is a working day).
 * Working days skip Saturdays and Sundays only: statutory holidays and their swapped working weekends are not
 * modelled, so a notice over 国庆 should be given more days by hand.
 */
export function noticeEnd(start: string, days: number): string {
  let d = start;
  while (isWeekend(d)) d = addDays(d, 1);
  for (let left = days - 1; left > 0; ) {
    d = addDays(d, 1);
    if (!isWeekend(d)) left--;
  }
  return d;
}

/** The day probation ends: 1 year (plus an extension) from the branch meeting that admitted the person. */
export function probationEnd(
  admittedOn: string,
  extensionMonths: number | null,
  rules: DevelopmentRules = DEVELOPMENT_RULES,
): string {
  return addMonthsToDate(admittedOn, rules.probationMonths + (extensionMonths ?? 0));
}
