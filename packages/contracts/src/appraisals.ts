import { z } from 'zod';
import { APPRAISAL_GRADES, APPRAISAL_STATUSES } from './appraisal-rules.js';

export * from './appraisal-rules.js';

const id = z.string().uuid('编号格式不正确');
const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => v || null);
const tally = (label: string) =>
  z
    .number({ error: `${label}票数应为整数` })
    .int(`${label}票数应为整数`)
    .min(0, `${label}票数不能为负数`)
    .max(10_000);

export const APPRAISAL_PAGE_SIZE_MAX = 100;
export const appraisalListQuery = z
  .object({
    orgId: id.optional(),
    year: z.coerce.number().int().min(2000, '年度应在2000年以后').max(2100).optional(),
    status: z.enum(APPRAISAL_STATUSES).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(APPRAISAL_PAGE_SIZE_MAX, `每页最多${APPRAISAL_PAGE_SIZE_MAX}条`).default(20),
  })
  .strict();

export const openAppraisalBody = z
  .object({
    orgId: z.string({ error: '请选择党支部' }).uuid('请选择党支部'),
    year: z
      .number({ error: '请填写评议年度' })
      .int('评议年度应为整数')
      .min(2000, '评议年度应在2000年以后')
      .max(2100, '评议年度不正确'),
  })
  .strict();
export type OpenAppraisalBody = z.input<typeof openAppraisalBody>;

/** One member's assessments: self, mutual (the tallies of the 民主测评 ballot), the committee's opinion, grade. */
export const updateEntryBody = z
  .object({
    selfAssessment: text('自我评价', 2000),
    mutual: z
      .object({
        excellent: tally('优秀'),
        qualified: tally('合格'),
        basicallyQualified: tally('基本合格'),
        unqualified: tally('不合格'),
      })
      .strict()
      .nullish()
      .transform((v) => v ?? null),
    committeeOpinion: text('支部委员会意见', 1000),
    grade: z
      .enum(APPRAISAL_GRADES, { error: '请选择评定等次' })
      .nullish()
      .transform((v) => v ?? null),
    version: z.number({ error: '缺少版本号' }).int().min(1),
  })
  .strict();
export type UpdateEntryBody = z.input<typeof updateEntryBody>;

export const appraisalIdParams = z.object({ id });
export const appraisalEntryParams = z.object({ id, entryId: id });

export const appraisalSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  status: z.enum(APPRAISAL_STATUSES),
  openedAt: z.string(),
  openedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  counts: z.object({
    participants: z.number().int(),
    full: z.number().int(),
    probationary: z.number().int(),
    graded: z.number().int(),
    excellent: z.number().int(),
    maxExcellent: z.number().int(),
  }),
});
export type AppraisalSummary = z.infer<typeof appraisalSummary>;

export const appraisalListResponse = z.object({
  items: z.array(appraisalSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AppraisalListResponse = z.infer<typeof appraisalListResponse>;

const mutualView = z
  .object({
    excellent: z.number().int(),
    qualified: z.number().int(),
    basicallyQualified: z.number().int(),
    unqualified: z.number().int(),
  })
  .nullable();

export const appraisalEntry = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  memberStatus: z.enum(['full', 'probationary']),
  selfAssessment: z.string().nullable(),
  mutual: mutualView,
  committeeOpinion: z.string().nullable(),
  grade: z.enum(APPRAISAL_GRADES).nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type AppraisalEntry = z.infer<typeof appraisalEntry>;

export const appraisalDetail = appraisalSummary.extend({
  entries: z.array(appraisalEntry),
  /** Why it cannot close yet (empty when it can). */
  closeIssues: z.array(z.string()),
  abilities: z.object({ edit: z.boolean(), close: z.boolean() }),
});
export type AppraisalDetail = z.infer<typeof appraisalDetail>;
