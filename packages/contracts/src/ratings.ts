import { z } from 'zod';
import { attachmentInfo } from './attachments.js';
import { isoDate } from './iso-date.js';
import { RATING_FACT_KEYS, RATING_ROUND_STATUSES, RATING_STATUSES, SHOWCASE_KINDS, SHOWCASE_STATUSES } from './rating-rules.js';

export * from './rating-rules.js';

const id = z.string().uuid('编号格式不正确');
const key = (label: string) =>
  z.string({ error: `请填写${label}编码` }).regex(/^[a-z][a-z0-9-]{0,39}$/, `${label}编码只能用小写字母、数字和“-”，以字母开头`);
const name = (label: string, max = 60) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const points = (label: string) =>
  z
    .number({ error: `${label}应为整数` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(110, `${label}不能超过110`);
const stars = z.number({ error: '星级应为1–5' }).int('星级应为1–5').min(1, '星级应为1–5').max(5, '星级应为1–5');

export const rubricBody = z
  .object({
    name: name('标准名称', 80),
    dimensions: z
      .array(
        z
          .object({
            key: key('维度'),
            name: name('维度名称'),
            indicators: z
              .array(
                z
                  .object({
                    key: key('指标'),
                    name: name('指标名称'),
                    maxPoints: points('指标分值'),
                    guidance: z.string().trim().max(500, '评分说明不能超过500个字'),
                    evidenceRequired: z.boolean(),
                    deductions: z
                      .array(z.object({ key: key('扣分规则'), text: name('扣分规则', 100), points: points('扣分') }).strict())
                      .max(10),
                    facts: z.array(z.enum(RATING_FACT_KEYS)).max(RATING_FACT_KEYS.length),
                  })
                  .strict(),
              )
              .max(20),
          })
          .strict(),
      )
      .max(10),
    bonusName: name('加分项名称'),
    bonusMax: points('加分上限'),
    bonus: z
      .array(
        z
          .object({
            key: key('加分项'),
            name: name('加分项名称'),
            maxPoints: points('加分项分值'),
            guidance: z.string().trim().max(500, '评分说明不能超过500个字'),
            evidenceRequired: z.boolean(),
            innovation: z.boolean(),
          })
          .strict(),
      )
      .max(10),
    vetoes: z.array(z.object({ key: key('否决项'), name: name('否决项名称', 100), capStars: stars }).strict()).max(10),
    thresholds: z.array(z.object({ stars, minScore: points('分数线'), requiresInnovation: z.boolean() }).strict()).max(4),
    quotas: z
      .array(
        z
          .object({
            stars,
            maxPercent: z.number({ error: '名额比例应为整数' }).int('名额比例应为整数'),
          })
          .strict(),
      )
      .max(5),
    validityMonths: z.number({ error: '有效期应为整数' }).int('有效期应为整数'),
  })
  .strict();
export type RubricBodyInput = z.infer<typeof rubricBody>;

export const rubricSummary = z.object({
  version: z.string(),
  name: z.string(),
  totalPoints: z.number(),
  builtIn: z.boolean(),
  createdAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export const rubricDetail = rubricSummary.extend({ body: rubricBody });
export const rubricListResponse = z.object({
  items: z.array(rubricSummary),
  abilities: z.object({ create: z.boolean() }),
});
export type RubricSummary = z.infer<typeof rubricSummary>;
export type RubricDetail = z.infer<typeof rubricDetail>;
export const rubricVersionParams = z.object({ version: z.string().min(1).max(60) }).strict();
export const createRubricBody = z.object({ body: rubricBody }).strict();

export const openRoundBody = z
  .object({
    orgId: z.string({ error: '请选择开展评定的党委' }).uuid('请选择开展评定的党委'),
    title: name('评定名称', 80),
    year: z.number({ error: '请填写评定年度' }).int('评定年度应为整数').min(2000, '评定年度不正确').max(2100, '评定年度不正确'),
    rubricVersion: z.string({ error: '请选择评定标准' }).min(1, '请选择评定标准').max(60),
    selfFrom: isoDate('自评开始日期'),
    selfUntil: isoDate('自评截止日期'),
  })
  .strict();
export type OpenRoundBody = z.infer<typeof openRoundBody>;

export const roundIdParams = z.object({ id }).strict();
export const ratingIdParams = z.object({ id }).strict();
export const roundListQuery = z
  .object({
    orgId: id.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
  })
  .strict();

const roundShape = {
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  year: z.number(),
  rubricVersion: z.string(),
  rubricName: z.string(),
  status: z.enum(RATING_ROUND_STATUSES),
  selfFrom: z.string(),
  selfUntil: z.string(),
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  publishedAt: z.string().nullable(),
  counts: z.record(z.enum(RATING_STATUSES), z.number()),
};
export const roundSummary = z.object(roundShape);
export const roundListResponse = z.object({
  items: z.array(roundSummary),
  total: z.number(),
  abilities: z.object({ open: z.boolean() }),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const ratingSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  status: z.enum(RATING_STATUSES),
  selfTotal: z.number().nullable(),
  selfStars: z.number().nullable(),
  reviewTotal: z.number().nullable(),
  reviewStars: z.number().nullable(),
  finalStars: z.number().nullable(),
  openObjections: z.number(),
  abilities: z.object({ selfRate: z.boolean(), review: z.boolean(), approve: z.boolean() }),
});
export type RatingSummary = z.infer<typeof ratingSummary>;
export const roundDetail = roundSummary.extend({
  ratings: z.array(ratingSummary),
  quotas: z.array(z.object({ stars: z.number(), max: z.number(), used: z.number() })),
  abilities: z.object({ startNotice: z.boolean(), publish: z.boolean() }),
});
export type RoundDetail = z.infer<typeof roundDetail>;

/** A rating's scores, as the self-rating form and the review send them. */
export const ratingScores = z
  .object({
    indicators: z.record(
      z.string(),
      z
        .object({
          score: z.number({ error: '得分应为数字' }),
          deductions: z.array(z.string()).max(10),
          note: z.string().trim().max(500, '说明不能超过500个字').optional(),
        })
        .strict(),
    ),
    bonus: z.record(z.string(), z.number({ error: '加分应为数字' })),
    vetoes: z.array(z.string()).max(10),
  })
  .strict();
export type RatingScores = z.infer<typeof ratingScores>;

export const selfRateBody = z
  .object({
    scores: ratingScores,
    /** Per indicator or bonus key: the attachment ids of its evidence. */
    evidence: z.record(z.string(), z.array(id).max(10, '每项最多10个附件')),
    summary: z.string().trim().max(2000, '自评说明不能超过2000个字').optional(),
    submit: z.boolean(),
    version: z.number().int(),
  })
  .strict();
export type SelfRateBody = z.infer<typeof selfRateBody>;

export const reviewBody = z
  .object({
    scores: ratingScores,
    /** Per indicator or bonus key whose points differ from the self-rating: why. */
    reasons: z.record(z.string(), z.string().trim().max(500, '调整理由不能超过500个字')),
    opinion: z.string().trim().min(1, '请填写审核意见').max(1000, '审核意见不能超过1000个字'),
    version: z.number().int(),
  })
  .strict();
export type ReviewBody = z.infer<typeof reviewBody>;

export const approveBody = z
  .object({
    stars,
    opinion: z.string().trim().max(1000, '审定意见不能超过1000个字').optional(),
    version: z.number().int(),
  })
  .strict();

export const ratingObjectionBody = z
  .object({ text: z.string().trim().min(5, '异议内容至少5个字').max(1000, '异议内容不能超过1000个字') })
  .strict();
export const resolveObjectionBody = z
  .object({
    resolution: z.string().trim().min(1, '请填写处理意见').max(1000, '处理意见不能超过1000个字'),
    /** Upheld: the rating's star level changes to this. Omitted: the objection is dismissed. */
    stars: stars.optional(),
  })
  .strict();
export const objectionParams = z.object({ id, objectionId: id }).strict();

export const ratingFacts = z.partialRecord(z.enum(RATING_FACT_KEYS), z.number());
export const ratingDetail = ratingSummary.extend({
  roundId: z.string(),
  roundTitle: z.string(),
  roundStatus: z.enum(RATING_ROUND_STATUSES),
  selfFrom: z.string(),
  selfUntil: z.string(),
  rubric: rubricBody,
  facts: ratingFacts,
  factsAt: z.string().nullable(),
  selfScores: ratingScores.nullable(),
  summary: z.string().nullable(),
  evidence: z.record(z.string(), z.array(attachmentInfo)),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  reviewScores: ratingScores.nullable(),
  reviewReasons: z.record(z.string(), z.string()).nullable(),
  reviewOpinion: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  approveOpinion: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  cappedBy: z.array(z.string()),
  version: z.number(),
  objections: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      raisedAt: z.string(),
      raisedByName: z.string().nullable(),
      resolution: z.string().nullable(),
      resolvedAt: z.string().nullable(),
      upheld: z.boolean().nullable(),
    }),
  ),
  objectionAbilities: z.object({ raise: z.boolean(), resolve: z.boolean() }),
});
export type RatingDetail = z.infer<typeof ratingDetail>;

export const orgStarsQuery = z.object({ orgId: id }).strict();
export const orgStarEntry = z.object({
  stars: z.number(),
  roundTitle: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  current: z.boolean(),
});
export const orgStarsResponse = z.object({ current: orgStarEntry.nullable(), history: z.array(orgStarEntry) });
export type OrgStarsResponse = z.infer<typeof orgStarsResponse>;

export const starMapQuery = z.object({ orgId: id }).strict();
export const starMapResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  rated: z.number(),
  atLeastFour: z.number(),
  byStars: z.record(z.string(), z.number()),
  showcases: z.number(),
  incubations: z.number(),
  branches: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      parentName: z.string().nullable(),
      stars: z.number().nullable(),
      validUntil: z.string().nullable(),
      showcase: z.boolean(),
      incubation: z.boolean(),
    }),
  ),
});
export type StarMapResponse = z.infer<typeof starMapResponse>;

export const createShowcaseBody = z
  .object({
    orgId: z.string({ error: '请选择党支部' }).uuid('请选择党支部'),
    kind: z.enum(SHOWCASE_KINDS, { error: '请选择类型' }),
    title: name('名称', 80),
    mentorName: name('指导人', 40),
    mentorOrgId: z.string().uuid('请选择结对指导组织').nullish(),
    targetStars: stars.nullish(),
    targets: z.array(name('目标', 200)).min(1, '请至少填写一项目标').max(10, '目标最多10项'),
    startedOn: isoDate('开始日期'),
    dueOn: isoDate('目标日期'),
  })
  .strict();
export type CreateShowcaseBody = z.infer<typeof createShowcaseBody>;
export const showcaseIdParams = z.object({ id }).strict();
export const showcaseProgressBody = z
  .object({
    note: name('进展情况', 1000),
    percent: z
      .number({ error: '完成度应为整数' })
      .int('完成度应为整数')
      .min(0, '完成度应在0–100之间')
      .max(100, '完成度应在0–100之间'),
    targetsDone: z.array(z.number().int().min(0)).max(10),
    status: z.enum(SHOWCASE_STATUSES).optional(),
  })
  .strict();
export const showcaseListQuery = z
  .object({ orgId: id, kind: z.enum(SHOWCASE_KINDS).optional(), status: z.enum(SHOWCASE_STATUSES).optional() })
  .strict();
export const showcaseItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(SHOWCASE_KINDS),
  title: z.string(),
  mentorName: z.string(),
  mentorOrgName: z.string().nullable(),
  targetStars: z.number().nullable(),
  currentStars: z.number().nullable(),
  targets: z.array(z.object({ text: z.string(), done: z.boolean() })),
  startedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(SHOWCASE_STATUSES),
  percent: z.number(),
  progress: z.array(
    z.object({ note: z.string(), percent: z.number(), recordedAt: z.string(), recordedByName: z.string().nullable() }),
  ),
  abilities: z.object({ update: z.boolean() }),
});
export type ShowcaseItem = z.infer<typeof showcaseItem>;
export const showcaseListResponse = z.object({ items: z.array(showcaseItem), abilities: z.object({ create: z.boolean() }) });
export type RubricListResponse = z.infer<typeof rubricListResponse>;
export type RoundListResponse = z.infer<typeof roundListResponse>;
export type ShowcaseListResponse = z.infer<typeof showcaseListResponse>;
