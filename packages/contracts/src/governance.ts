import { z } from 'zod';
import { attachmentInfo } from './attachments.js';
import {
  FOLLOWER_BANDS,
  isSafeLink,
  MEDIA_OWNER_KINDS,
  MEDIA_PLATFORMS,
  PLEDGE_ISSUER_KINDS,
  RELAY_STATES,
  RELAY_TARGET_KINDS,
  RUMOUR_STATUSES,
  RUMOUR_VERDICTS,
  SIGNATURE_STATES,
  VERIFICATION_STATUSES,
} from './governance-rules.js';

export * from './governance-rules.js';

const id = z.string().uuid('编号格式不正确');
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => v || null);
/** IN-01: a link shown to users is an http(s) address, never javascript: or data:. */
export const safeLink = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .refine(isSafeLink, `${label}须为 http:// 或 https:// 开头的网址`);
const optionalLink = (label: string) =>
  z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || isSafeLink(v), `${label}须为 http:// 或 https:// 开头的网址`);
const images = z.array(id).max(9, '最多9张图片').default([]);
const ref = z.object({ id: z.string(), name: z.string() });
const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
};
export const governanceIdParams = z.object({ id });

// ── Pledges (自律倡议书) ─────────────────────────────────────────────────────────────────────────────────────
export const createPledgeBody = z
  .object({
    orgId: z.string({ error: '请选择发布党委' }).uuid('请选择发布党委'),
    title: text('倡议书标题', 4, 80),
    issuerKind: z.enum(PLEDGE_ISSUER_KINDS, { error: '请选择发布方' }),
    issuerName: text('发布单位', 2, 60),
    body: text('倡议书正文', 20, 20000),
  })
  .strict();
export type CreatePledgeBody = z.input<typeof createPledgeBody>;
export const pledgeVersionBody = z.object({ body: text('倡议书正文', 20, 20000), note: optionalText('修订说明', 200) }).strict();
export const signPledgeBody = z.object({ enterpriseId: z.string({ error: '请选择企业' }).uuid('请选择企业') }).strict();

export const pledgeSummary = z.object({
  id: z.string(),
  title: z.string(),
  issuerKind: z.enum(PLEDGE_ISSUER_KINDS),
  issuerName: z.string(),
  org: ref,
  currentVersion: z.number().int(),
  publishedAt: z.string(),
  /** Enterprises the caller sees under the pledge, by their standing on the current version. */
  counts: z.object({ signed: z.number().int(), outdated: z.number().int(), unsigned: z.number().int() }),
});
export type PledgeSummary = z.infer<typeof pledgeSummary>;
export const pledgeListResponse = z.object({ items: z.array(pledgeSummary) });

export const pledgeVersion = z.object({
  version: z.number().int(),
  body: z.string(),
  note: z.string().nullable(),
  publishedAt: z.string(),
  publishedByName: z.string(),
});
export const pledgeDetail = pledgeSummary.extend({
  body: z.string(),
  versions: z.array(pledgeVersion),
  /** The caller's own enterprises (a contact) with their standing; they sign from here. */
  mine: z.array(
    z.object({
      enterprise: ref,
      state: z.enum(SIGNATURE_STATES),
      signedVersion: z.number().int().nullable(),
      signedAt: z.string().nullable(),
      canSign: z.boolean(),
    }),
  ),
  abilities: z.object({ revise: z.boolean(), viewSignatures: z.boolean() }),
});
export type PledgeDetail = z.infer<typeof pledgeDetail>;

export const pledgeSignaturesQuery = z
  .object({ state: z.enum(SIGNATURE_STATES).optional(), districtId: id.optional(), ...pageQuery })
  .strict();
export const pledgeSignatureRow = z.object({
  enterprise: ref,
  district: ref.nullable(),
  state: z.enum(SIGNATURE_STATES),
  signedVersion: z.number().int().nullable(),
  signedAt: z.string().nullable(),
  signedByName: z.string().nullable(),
});
export type PledgeSignatureRow = z.infer<typeof pledgeSignatureRow>;
export const pledgeSignaturesResponse = z.object({
  items: z.array(pledgeSignatureRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The signed list per district (all states, for the current version). */
  byDistrict: z.array(
    z.object({ district: ref.nullable(), signed: z.number().int(), outdated: z.number().int(), unsigned: z.number().int() }),
  ),
});
export type PledgeSignaturesResponse = z.infer<typeof pledgeSignaturesResponse>;

// ── The red media matrix (红色媒体网络矩阵) ───────────────────────────────────────────────────────────────────
export const mediaAccountBody = z
  .object({
    ownerKind: z.enum(MEDIA_OWNER_KINDS, { error: '请选择账号主体类型' }),
    /** The enterprise (ownerKind enterprise) or Party organisation (ownerKind org) that owns the account. */
    ownerId: z.string({ error: '请选择账号主体' }).uuid('请选择账号主体'),
    platform: z.enum(MEDIA_PLATFORMS, { error: '请选择平台' }),
    name: text('账号名称', 2, 60),
    handle: text('账号ID', 1, 80),
    operatorName: text('运营人', 2, 30),
    followerBand: z.enum(FOLLOWER_BANDS, { error: '请选择粉丝量级' }),
    verification: z.enum(VERIFICATION_STATUSES, { error: '请选择认证状态' }),
    url: safeLink('账号链接'),
  })
  .strict();
export type MediaAccountBody = z.input<typeof mediaAccountBody>;
export const updateMediaAccountBody = mediaAccountBody.omit({ ownerKind: true, ownerId: true }).extend({
  version: z.number().int().min(1),
});
export type UpdateMediaAccountBody = z.input<typeof updateMediaAccountBody>;

export const mediaAccountsQuery = z
  .object({
    platform: z.enum(MEDIA_PLATFORMS).optional(),
    districtId: id.optional(),
    q: z.string().trim().max(40, '搜索内容不能超过40个字').optional(),
    ...pageQuery,
  })
  .strict();
export const mediaAccount = z.object({
  id: z.string(),
  platform: z.enum(MEDIA_PLATFORMS),
  name: z.string(),
  handle: z.string(),
  ownerKind: z.enum(MEDIA_OWNER_KINDS),
  owner: ref,
  district: ref.nullable(),
  operatorName: z.string(),
  followerBand: z.enum(FOLLOWER_BANDS),
  verification: z.enum(VERIFICATION_STATUSES),
  url: z.string(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});
export type MediaAccount = z.infer<typeof mediaAccount>;
export const mediaAccountsResponse = z.object({
  items: z.array(mediaAccount),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether the caller may register accounts (for the 新建 button). */
  canCreate: z.boolean(),
});
export const governanceOwnersResponse = z.object({
  enterprises: z.array(ref),
  orgs: z.array(ref),
  districts: z.array(ref),
});
export type GovernanceOwners = z.infer<typeof governanceOwnersResponse>;

// ── Hot events, releases and relay tasks (权威信息 / 转发任务) ────────────────────────────────────────────────
export const createHotEventBody = z
  .object({
    orgId: z.string({ error: '请选择党委' }).uuid('请选择党委'),
    title: text('事件名称', 4, 60),
    summary: text('事件概述', 4, 1000),
  })
  .strict();
export const relayTarget = z
  .object({ kind: z.enum(RELAY_TARGET_KINDS, { error: '转发对象类型不正确' }), id: z.string().uuid('转发对象不正确') })
  .strict();
export const publishReleaseBody = z
  .object({
    title: text('标题', 4, 80),
    body: text('正文', 10, 10000),
    link: optionalLink('原文链接'),
    authority: text('发布机关', 2, 60),
    imageIds: images,
    /** The relay deadline, an ISO time (UTC) after now. */
    deadlineAt: z.string({ error: '请选择转发时限' }).datetime({ message: '转发时限格式不正确' }),
    targets: z.array(relayTarget).min(1, '请至少选择一个转发对象').max(500, '转发对象最多500个'),
  })
  .strict();
export type PublishReleaseBody = z.input<typeof publishReleaseBody>;
export const relayReportBody = z
  .object({
    url: safeLink('转发链接'),
    note: optionalText('说明', 300),
    screenshotIds: z.array(id).min(1, '请上传转发截图').max(3, '最多3张截图'),
  })
  .strict();
export type RelayReportBody = z.input<typeof relayReportBody>;

const progress = z.object({
  total: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  done: z.number().int(),
  late: z.number().int(),
});
export type RelayProgress = z.infer<typeof progress>;
export const releaseSummary = z.object({
  id: z.string(),
  title: z.string(),
  authority: z.string(),
  publishedAt: z.string(),
  deadlineAt: z.string(),
  progress,
});
export type ReleaseSummary = z.infer<typeof releaseSummary>;
export const hotEvent = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  org: ref,
  createdAt: z.string(),
  releases: z.array(releaseSummary),
  abilities: z.object({ publish: z.boolean() }),
});
export type HotEvent = z.infer<typeof hotEvent>;
export const hotEventsResponse = z.object({ items: z.array(hotEvent), canCreate: z.boolean() });

export const relayTask = z.object({
  id: z.string(),
  releaseId: z.string(),
  releaseTitle: z.string(),
  targetKind: z.enum(RELAY_TARGET_KINDS),
  target: ref,
  account: ref.nullable(),
  orgId: z.string(),
  deadlineAt: z.string(),
  state: z.enum(RELAY_STATES),
  reportedAt: z.string().nullable(),
  reportedByName: z.string().nullable(),
  url: z.string().nullable(),
  note: z.string().nullable(),
  screenshots: z.array(attachmentInfo),
  abilities: z.object({ report: z.boolean() }),
});
export type RelayTask = z.infer<typeof relayTask>;
export const releaseDetail = releaseSummary.extend({
  event: ref,
  org: ref,
  body: z.string(),
  link: z.string().nullable(),
  images: z.array(attachmentInfo),
  tasks: z.array(relayTask),
  abilities: z.object({ export: z.boolean() }),
});
export type ReleaseDetail = z.infer<typeof releaseDetail>;
export const relayTasksQuery = z.object({ state: z.enum(['todo', 'all']).default('todo') }).strict();
export const relayTasksResponse = z.object({ items: z.array(relayTask) });
export const relayTargetsResponse = z.object({ enterprises: z.array(ref), orgs: z.array(ref), accounts: z.array(ref) });
export type RelayTargets = z.infer<typeof relayTargetsResponse>;

// ── Rumour rebuttals (谣言识别) ──────────────────────────────────────────────────────────────────────────────
export const rebuttalBody = z
  .object({
    orgId: z.string({ error: '请选择党委' }).uuid('请选择党委'),
    title: text('标题', 4, 80),
    claim: text('谣言内容', 4, 1000),
    truth: text('辟谣内容', 10, 5000),
    sourceName: text('权威来源', 2, 60),
    sourceUrl: optionalLink('来源链接'),
    publishedOn: z.iso.date('发布日期格式不正确'),
  })
  .strict();
export type RebuttalBody = z.input<typeof rebuttalBody>;
export const rebuttalsQuery = z
  .object({ q: z.string().trim().max(40, '搜索内容不能超过40个字').optional(), ...pageQuery })
  .strict();
export const rebuttal = z.object({
  id: z.string(),
  title: z.string(),
  claim: z.string(),
  truth: z.string(),
  sourceName: z.string(),
  sourceUrl: z.string().nullable(),
  publishedOn: z.string(),
});
export type Rebuttal = z.infer<typeof rebuttal>;
export const rebuttalsResponse = z.object({
  items: z.array(rebuttal),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  canCreate: z.boolean(),
});

export const rumourReportBody = z
  .object({
    /** The organisation the submitter reports from (one of their grants' orgs). */
    orgId: z.string({ error: '请选择所在组织' }).uuid('请选择所在组织'),
    text: text('可疑信息内容', 4, 2000),
    url: optionalLink('信息链接'),
    screenshotIds: z.array(id).max(3, '最多3张截图').default([]),
  })
  .strict();
export type RumourReportBody = z.input<typeof rumourReportBody>;
export const answerRumourBody = z
  .object({
    verdict: z.enum(RUMOUR_VERDICTS, { error: '请选择核实结论' }),
    answer: text('答复内容', 4, 2000),
    rebuttalId: id.nullish().transform((v) => v ?? null),
    officialUrl: optionalLink('权威来源链接'),
  })
  .strict()
  .refine((b) => b.rebuttalId !== null || b.officialUrl !== null, {
    message: '请关联辟谣条目或填写权威来源链接',
    path: ['officialUrl'],
  });
export type AnswerRumourBody = z.input<typeof answerRumourBody>;
export const rumourReportsQuery = z.object({ view: z.enum(['mine', 'queue']).default('mine') }).strict();
export const rumourReport = z.object({
  id: z.string(),
  text: z.string(),
  url: z.string().nullable(),
  org: ref,
  submittedAt: z.string(),
  submittedByName: z.string(),
  status: z.enum(RUMOUR_STATUSES),
  verdict: z.enum(RUMOUR_VERDICTS).nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
  rebuttal: rebuttal.nullable(),
  officialUrl: z.string().nullable(),
  screenshots: z.array(attachmentInfo),
  abilities: z.object({ answer: z.boolean() }),
});
export type RumourReport = z.infer<typeof rumourReport>;
export const rumourReportsResponse = z.object({ items: z.array(rumourReport), canAnswer: z.boolean() });
export type MediaAccountsResponse = z.infer<typeof mediaAccountsResponse>;
export type PledgeListResponse = z.infer<typeof pledgeListResponse>;
export type HotEventsResponse = z.infer<typeof hotEventsResponse>;
export type RelayTasksResponse = z.infer<typeof relayTasksResponse>;
export type RebuttalsResponse = z.infer<typeof rebuttalsResponse>;
export type RumourReportsResponse = z.infer<typeof rumourReportsResponse>;
