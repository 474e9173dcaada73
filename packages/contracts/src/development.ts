import { z } from 'zod';
import { attachmentIds, attachmentInfo } from './attachments.js';
import { DEVELOPMENT_STAGES, DEVELOPMENT_STATUSES, NOTICE_PURPOSES, STEP_COUNT } from './development-rules.js';
import { isoDate } from './iso-date.js';
import { EDUCATIONS, ETHNICITIES, GENDERS, TALENT_FLAGS } from './member-labels.js';
import { talents } from './members.js';

export * from './development-checks.js';
export * from './development-rules.js';

const id = z.string().uuid('编号格式不正确');
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => v || null);
const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(10_000, `${label}过大`);

export const developmentIdParams = z.object({ id });
export const orgQuery = z.object({ orgId: id });

/** Document references (文件名或档案编号) until the shared attachment store lands. */
const documents = z
  .array(z.string().trim().min(1, '材料名称不能为空').max(100, '材料名称不能超过100个字'))
  .max(20, '材料最多20项')
  .default([]);

/** A new file: the applicant and their application (step 1). */
export const createDevelopmentBody = z
  .object({
    orgId: id,
    name: z
      .string({ error: '请填写姓名' })
      .trim()
      .min(2, '姓名至少2个字')
      .max(30, '姓名不能超过30个字')
      .regex(/^[\p{Script=Han}·A-Za-z\s]+$/u, '姓名只能包含汉字、字母和间隔号'),
    gender: z.enum(GENDERS, { error: '请选择性别' }),
    ethnicity: z.enum(ETHNICITIES, { error: '请选择民族' }),
    birthDate: isoDate('出生日期'),
    idNumber: z.string({ error: '请填写身份证号' }).trim().min(1, '请填写身份证号').max(18, '身份证号应为18位'),
    phone: text('联系电话', 20),
    education: z.enum(EDUCATIONS, { error: '请选择学历' }),
    employerName: text('工作单位', 60),
    position: text('职务', 30),
    talents: talents.default({ industryLeader: false, founder: false, keyDeptHead: false }),
    appliedOn: isoDate('递交入党申请书日期'),
    documents,
    note: text('备注', 500),
  })
  .strict();
export type CreateDevelopmentBody = z.input<typeof createDevelopmentBody>;
export type DevelopmentInput = z.output<typeof createDevelopmentBody>;

export const recordStepBody = z
  .object({
    step: z.number({ error: '请选择步骤' }).int().min(1).max(STEP_COUNT),
    doneOn: isoDate('办理日期'),
    note: text('情况说明', 1000),
    documents,
    /** Scans and files in the shared attachment store, uploaded first (use 'development_step'). */
    attachmentIds,
    mentorIds: z.array(id).max(5).optional(),
    sponsorIds: z.array(id).max(5).optional(),
    passed: z.boolean().optional(),
    leavingSoon: z.boolean().optional(),
    trainingDays: z.number().min(0, '培训天数不能为负数').max(365).optional(),
    trainingHours: z.number().min(0, '培训学时不能为负数').max(2000).optional(),
    vote: z
      .object({
        entitled: count('应到会有表决权党员人数'),
        present: count('实到会有表决权党员人数'),
        inFavour: count('赞成票数'),
        candidateIds: z.array(id).min(1, '请选择表决对象').max(20),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RecordStepBody = z.input<typeof recordStepBody>;

export const extendProbationBody = z
  .object({
    months: z.number({ error: '请填写延长月数' }).int('延长月数应为整数'),
    decidedOn: isoDate('支部大会决定日期'),
    reason: z.string({ error: '请填写延长原因' }).trim().min(2, '请填写延长原因').max(500, '原因不能超过500个字'),
  })
  .strict();

export const closeDevelopmentBody = z
  .object({ reason: z.string({ error: '请填写终止原因' }).trim().min(2, '请填写终止原因').max(500, '原因不能超过500个字') })
  .strict();

export const createNoticeBody = z
  .object({
    purpose: z.enum(NOTICE_PURPOSES, { error: '请选择公示类型' }),
    startsOn: isoDate('公示开始日期'),
    workingDays: z.number().int('公示天数应为整数').min(1).max(30).optional(),
    scope: text('公示范围', 100),
  })
  .strict();

export const objectionBody = z
  .object({
    receivedOn: isoDate('收到日期'),
    content: z.string({ error: '请填写反映内容' }).trim().min(2, '请填写反映内容').max(1000),
    finding: text('核查结论', 1000),
    upheld: z.boolean({ error: '请选择是否属实' }),
  })
  .strict();

export const publicNoticeListQuery = z.object({ orgId: id, state: z.enum(['current', 'all']).default('current') });

export const planQuery = z.object({ orgId: id, year: z.coerce.number().int().min(2000).max(2100) });
export const setPlanBody = z
  .object({
    orgId: id,
    year: z.number().int().min(2000, '年度不正确').max(2100, '年度不正确'),
    quota: z.number({ error: '请填写计划发展人数' }).int('计划人数应为整数').min(0, '计划人数不能为负数').max(100_000),
    note: text('说明', 500),
  })
  .strict();

/** A key talent is a ledger member with a talent flag or a person in development flagged as one. */
const talentSubject = z.union([z.object({ memberId: id }).strict(), z.object({ developmentId: id }).strict()]);
export const setMentorBody = z.object({ subject: talentSubject, mentorMemberId: id }).strict();
export const cultivationBody = z
  .object({
    subject: talentSubject,
    on: isoDate('培养日期'),
    content: z.string({ error: '请填写培养情况' }).trim().min(2, '请填写培养情况').max(1000, '培养情况不能超过1000个字'),
  })
  .strict();

export const stepView = z.object({
  id: z.string(),
  step: z.number(),
  doneOn: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  documents: z.array(z.string()),
  attachments: z.array(attachmentInfo),
  detail: z.record(z.string(), z.unknown()),
  recordedAt: z.string(),
});
export const noticeView = z.object({
  id: z.string(),
  developmentId: z.string(),
  personName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  purpose: z.enum(NOTICE_PURPOSES),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number(),
  scope: z.string().nullable(),
  objections: z.array(
    z.object({ receivedOn: z.string(), content: z.string(), finding: z.string().nullable(), upheld: z.boolean() }),
  ),
  state: z.enum(['upcoming', 'open', 'ended']),
});
export const personSummary = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  gender: z.enum(GENDERS),
  employerName: z.string().nullable(),
  stage: z.enum([...DEVELOPMENT_STAGES, 'done']),
  status: z.enum(DEVELOPMENT_STATUSES),
  lastStep: z.number(),
  nextStep: z.number().nullable(),
  due: z.string().nullable(),
  /** The deadline is the six-monthly review of an activist, not the next step's own. */
  dueIsReview: z.boolean(),
  overdue: z.boolean(),
  upcoming: z.boolean(),
  keyTalent: z.boolean(),
});
export type PersonSummary = z.infer<typeof personSummary>;
export const boardResponse = z.object({
  counts: z.record(z.string(), z.number()),
  people: z.array(personSummary),
  truncated: z.boolean(),
});
export type BoardResponse = z.infer<typeof boardResponse>;
export const developmentDetail = personSummary.extend({
  ethnicity: z.string(),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  education: z.string(),
  position: z.string().nullable(),
  talents: z.record(z.enum(TALENT_FLAGS), z.boolean()),
  memberId: z.string().nullable(),
  rulesVersion: z.string(),
  extensionMonths: z.number().nullable(),
  probationEndsOn: z.string().nullable(),
  earliest: z.string().nullable(),
  closedReason: z.string().nullable(),
  steps: z.array(stepView),
  notices: z.array(noticeView),
  people: z.record(z.string(), z.string()),
  canManage: z.boolean(),
  canApprove: z.boolean(),
  /** The server's Beijing date: forms default to it (the browser's clock may differ). */
  today: z.string(),
});
export type DevelopmentDetail = z.infer<typeof developmentDetail>;
export const deadlinesResponse = z.object({
  overdue: z.array(personSummary),
  upcoming: z.array(personSummary),
});
export type DeadlinesResponse = z.infer<typeof deadlinesResponse>;
export const planRow = z.object({
  orgId: z.string(),
  orgName: z.string(),
  quota: z.number().nullable(),
  admitted: z.number(),
  applied: z.number(),
  note: z.string().nullable(),
});
export const planResponse = z.object({ year: z.number(), own: planRow, children: z.array(planRow) });
export type PlanResponse = z.infer<typeof planResponse>;
export const talentRow = z.object({
  subject: z.union([z.object({ memberId: z.string() }), z.object({ developmentId: z.string() })]),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  source: z.enum(['member', 'development']),
  talents: z.array(z.enum(TALENT_FLAGS)),
  stage: z.string().nullable(),
  mentorName: z.string().nullable(),
  records: z.array(z.object({ on: z.string(), content: z.string(), actorName: z.string().nullable() })),
});
export const talentResponse = z.object({ items: z.array(talentRow), truncated: z.boolean() });
export type TalentResponse = z.infer<typeof talentResponse>;
