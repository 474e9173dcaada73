import { z } from 'zod';
import { attachmentIds, attachmentInfo } from './attachments.js';
import { isoDate } from './iso-date.js';
import { ATTENDANCE, COMPLIANCE_STATUSES, FREQUENCIES, MEETING_KINDS, MEETING_STATUSES } from './meeting-rules.js';

export * from './meeting-rules.js';

const id = z.string().uuid('编号格式不正确');
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}格式不正确` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => v || null);
const required = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(10_000, `${label}过大`);

export const resolutionBody = z
  .object({
    text: required('决议内容', 500),
    /** Whether the resolution was put to a vote (general and committee meetings). */
    voted: z.boolean().default(false),
    inFavour: count('赞成票').default(0),
    against: count('反对票').default(0),
    abstain: count('弃权票').default(0),
    /** Absentees' written opinions in favour (书面意见): they count toward the result, not toward the quorum. */
    writtenInFavour: count('书面赞成意见').default(0),
  })
  .strict();

export const meetingBody = z
  .object({
    orgId: id,
    kind: z.enum(MEETING_KINDS, { error: '请选择会议类型' }),
    status: z.enum(['planned', 'held'], { error: '请选择是计划还是记录' }),
    date: isoDate('会议日期'),
    time: z.string({ error: '请填写开始时间' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '开始时间格式应为 HH:mm'),
    place: required('会议地点', 80),
    host: required('主持人', 40),
    recorder: text('记录人', 40),
    lecturer: text('讲课人', 40),
    topics: required('会议议题', 1000),
    /** 补开: the period ('2026-Q1', '2026-03', '2026') this meeting makes up for. */
    makesUpPeriod: text('补开期次', 10),
    /** Rich text (HTML); the server keeps only its allowlist (minutes-html.ts) and refuses more than 50,000 characters. */
    minutes: z
      .string({ error: '会议记录格式不正确' })
      .trim()
      .max(50_000, '会议记录不能超过50000个字符（含格式）')
      .nullish()
      .transform((v) => v || null),
    attendance: z
      .array(z.object({ memberId: id, attendance: z.enum(ATTENDANCE, { error: '请选择出席情况' }) }).strict())
      .max(2000)
      .default([]),
    resolutions: z.array(resolutionBody).max(30, '决议最多30项').default([]),
    attachmentIds,
  })
  .strict();
export type MeetingBody = z.input<typeof meetingBody>;
export type MeetingInput = z.output<typeof meetingBody>;

export const meetingIdParams = z.object({ id });
export const cancelMeetingBody = z
  .object({ reason: required('取消原因', 200).refine((v) => v.length >= 2, '请填写取消原因') })
  .strict();

export const MEETING_PAGE_SIZE_MAX = 200;
export const meetingListQuery = z
  .object({
    orgId: id,
    kind: z.enum(MEETING_KINDS).optional(),
    status: z.enum(MEETING_STATUSES).optional(),
    from: isoDate('起始日期').optional(),
    to: isoDate('截止日期').optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(MEETING_PAGE_SIZE_MAX, `每页最多${MEETING_PAGE_SIZE_MAX}条`).default(20),
  })
  .strict();
export type MeetingListQuery = z.input<typeof meetingListQuery>;

export const meetingSummary = z.object({
  id: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(MEETING_KINDS),
  status: z.enum(MEETING_STATUSES),
  startsAt: z.string(),
  heldOn: z.string(),
  place: z.string(),
  host: z.string(),
  topics: z.string(),
  makesUpPeriod: z.string().nullable(),
  counts: z.object({ expected: z.number().int(), present: z.number().int(), onLeave: z.number().int() }),
  photos: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingListResponse = z.object({
  items: z.array(meetingSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MeetingListResponse = z.infer<typeof meetingListResponse>;

export const voteResult = z.object({
  entitled: z.number().int(),
  present: z.number().int(),
  inFavour: z.number().int(),
  against: z.number().int(),
  abstain: z.number().int(),
  writtenInFavour: z.number().int(),
  valid: z.boolean(),
  passed: z.boolean(),
  reason: z.string(),
});

export const meetingDetail = meetingSummary.extend({
  recorder: z.string().nullable(),
  lecturer: z.string().nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  attendees: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      memberStatus: z.enum(['full', 'probationary']),
      attendance: z.enum(ATTENDANCE),
    }),
  ),
  resolutions: z.array(z.object({ id: z.string(), text: z.string(), vote: voteResult.nullable() })),
  /** For committee meetings: committee members present of the committee's size (more than half needed). */
  committeeQuorum: z.object({ size: z.number().int(), present: z.number().int(), met: z.boolean() }).nullable(),
  attachments: z.array(attachmentInfo),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), cancel: z.boolean() }),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/** Who is expected at a meeting of this kind at this org, for the form's attendance chips. */
export const meetingRosterQuery = z
  .object({ orgId: id, kind: z.enum(MEETING_KINDS), date: isoDate('会议日期').optional() })
  .strict();
export const meetingRosterResponse = z.object({
  members: z.array(z.object({ id: z.string(), name: z.string(), memberStatus: z.enum(['full', 'probationary']) })),
  /** Why these people (the branch, the group, the committee). */
  basis: z.string(),
  committeeSize: z.number().int().nullable(),
});
export type MeetingRosterResponse = z.infer<typeof meetingRosterResponse>;

// ---- compliance ----

export const complianceQuery = z
  .object({
    orgId: id,
    year: z.coerce.number().int().min(2000, '年份不正确').max(2100, '年份不正确'),
    kind: z.enum(MEETING_KINDS).default('committee_meeting'),
    /** Show only branches with at least one missing period. */
    gapsOnly: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200, '每页最多200条').default(50),
  })
  .strict();
export type ComplianceQuery = z.input<typeof complianceQuery>;

const statusCounts = z.object(
  Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, z.number().int()])) as Record<
    (typeof COMPLIANCE_STATUSES)[number],
    z.ZodNumber
  >,
);

export const complianceResponse = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  year: z.number().int(),
  today: z.string(),
  kind: z.enum(MEETING_KINDS),
  frequency: z.enum(FREQUENCIES),
  /** All kinds' frequencies in force for the year. */
  frequencies: z.record(z.string(), z.enum(FREQUENCIES)),
  branchCount: z.number().int(),
  /** The kind's periods with status counts over every branch of the subtree. */
  periods: z.array(z.object({ key: z.string(), months: z.array(z.number().int()), counts: statusCounts })),
  /** Per kind, counts over the year's periods so far, for the overview. */
  kinds: z.array(z.object({ kind: z.enum(MEETING_KINDS), frequency: z.enum(FREQUENCIES), counts: statusCounts })),
  rows: z.object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    items: z.array(
      z.object({
        orgId: z.string(),
        name: z.string(),
        measuredFrom: z.string(),
        cells: z.array(z.object({ key: z.string(), status: z.enum(COMPLIANCE_STATUSES) })),
        missing: z.number().int(),
      }),
    ),
  }),
});
export type ComplianceResponse = z.infer<typeof complianceResponse>;

export const complianceGapsQuery = complianceQuery.omit({ kind: true, gapsOnly: true });
export const complianceGapsResponse = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(z.object({ orgId: z.string(), orgName: z.string(), kind: z.enum(MEETING_KINDS), period: z.string() })),
});
export type ComplianceGapsResponse = z.infer<typeof complianceGapsResponse>;

// ---- rules (frequencies) ----

export const meetingRulesResponse = z.object({
  version: z.string(),
  defaults: z.record(z.string(), z.enum(FREQUENCIES)),
  overrides: z.array(
    z.object({
      kind: z.enum(MEETING_KINDS),
      fromYear: z.number().int(),
      frequency: z.enum(FREQUENCIES),
      setAt: z.string(),
      setByName: z.string().nullable(),
    }),
  ),
  canEdit: z.boolean(),
});
export type MeetingRulesResponse = z.infer<typeof meetingRulesResponse>;
export const setMeetingRuleBody = z
  .object({
    kind: z.enum(MEETING_KINDS, { error: '请选择会议类型' }),
    fromYear: z
      .number({ error: '请填写起始年份' })
      .int('起始年份应为整数')
      .min(2000, '起始年份不正确')
      .max(2100, '起始年份不正确'),
    frequency: z.enum(FREQUENCIES, { error: '请选择频次' }),
  })
  .strict();
