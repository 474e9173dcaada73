import { z } from 'zod';
import { attachmentInfo } from './attachments.js';
import { SERVICE_CATEGORIES, SERVICE_EVENTS, SERVICE_GROUPS, SERVICE_STATUSES, SERVICE_VIEWS } from './service-request-rules.js';

export * from './service-request-rules.js';

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
/** Files already uploaded through the request's attachment route, attached to this step of the thread. */
const attachmentIds = z.array(id).max(10, '一次最多附加10个文件').default([]);

export const raiseServiceRequestBody = z
  .object({
    enterpriseId: z.string({ error: '请选择企业' }).uuid('请选择企业'),
    category: z.enum(SERVICE_CATEGORIES, { error: '请选择诉求类别' }),
    title: text('诉求标题', 4, 60),
    description: text('诉求描述', 10, 2000),
    attachmentIds,
  })
  .strict();
export type RaiseServiceRequestBody = z.input<typeof raiseServiceRequestBody>;

export const serviceRequestIdParams = z.object({ id });
export const serviceAttachmentParams = z.object({ id, fileId: id });

export const serviceMessageBody = z.object({ body: text('留言内容', 1, 2000), attachmentIds }).strict();
export const assignServiceRequestBody = z
  .object({ assigneeId: z.string({ error: '请选择承办人' }).uuid('请选择承办人'), note: optionalText('指派说明', 200) })
  .strict();
export const answerServiceRequestBody = z.object({ body: text('答复内容', 2, 2000), attachmentIds }).strict();
export const reopenServiceRequestBody = z.object({ reason: text('不满意的原因', 2, 500) }).strict();
export const closeServiceRequestBody = z
  .object({
    rating: z
      .number({ error: '请选择满意度评分' })
      .int('满意度评分应为1到5的整数')
      .min(1, '满意度评分应为1到5')
      .max(5, '满意度评分应为1到5'),
    comment: optionalText('评价内容', 500),
  })
  .strict();
export const withdrawServiceRequestBody = z.object({ reason: text('撤回原因', 2, 200) }).strict();

export const SERVICE_PAGE_SIZE_MAX = 100;
const page = {
  status: z.enum(SERVICE_STATUSES).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  enterpriseId: id.optional(),
  q: z.string().trim().max(40, '搜索内容不能超过40个字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(SERVICE_PAGE_SIZE_MAX, `每页最多${SERVICE_PAGE_SIZE_MAX}条`).default(20),
};
/** The committee's queue (handlers). */
export const serviceQueueQuery = z.object({ view: z.enum(SERVICE_VIEWS).default('all'), ...page }).strict();
export type ServiceQueueQuery = z.input<typeof serviceQueueQuery>;
/** The enterprise's side: requests of its enterprises (a contact) or raised for enterprises its org covers (a secretary). */
export const raisedServiceQuery = z.object(page).strict();
export type RaisedServiceQuery = z.input<typeof raisedServiceQuery>;

const ref = z.object({ id: z.string(), name: z.string() });

export const serviceRequestSummary = z.object({
  id: z.string(),
  enterprise: ref,
  org: ref,
  category: z.enum(SERVICE_CATEGORIES),
  group: z.enum(SERVICE_GROUPS),
  title: z.string(),
  status: z.enum(SERVICE_STATUSES),
  raisedAt: z.string(),
  raisedOn: z.string(),
  raisedByName: z.string(),
  assignee: ref.nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  lastActivityAt: z.string(),
});
export type ServiceRequestSummary = z.infer<typeof serviceRequestSummary>;

export const serviceListResponse = z.object({
  items: z.array(serviceRequestSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ServiceListResponse = z.infer<typeof serviceListResponse>;
export const serviceQueueResponse = serviceListResponse.extend({
  /** How many requests each view holds (the tabs' badges). */
  counts: z.object({ mine: z.number().int(), unassigned: z.number().int(), overdue: z.number().int(), all: z.number().int() }),
});
export type ServiceQueueResponse = z.infer<typeof serviceQueueResponse>;

export const serviceThreadEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(SERVICE_EVENTS),
  side: z.enum(['requester', 'handler']),
  actorName: z.string().nullable(),
  body: z.string().nullable(),
  /** For an assignment: to whom. */
  assigneeName: z.string().nullable(),
  rating: z.number().int().nullable(),
  attachments: z.array(attachmentInfo),
});
export type ServiceThreadEntry = z.infer<typeof serviceThreadEntry>;

export const serviceRequestDetail = serviceRequestSummary.extend({
  description: z.string(),
  ratingComment: z.string().nullable(),
  ruleVersion: z.string(),
  /** Which side this user acts for. */
  sides: z.object({ requester: z.boolean(), handler: z.boolean() }),
  /** What this user may do now (the state machine and their side). */
  abilities: z.object({
    assign: z.boolean(),
    answer: z.boolean(),
    reopen: z.boolean(),
    close: z.boolean(),
    withdraw: z.boolean(),
    message: z.boolean(),
    attach: z.boolean(),
  }),
  thread: z.array(serviceThreadEntry),
});
export type ServiceRequestDetail = z.infer<typeof serviceRequestDetail>;

export const serviceAssigneesResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), orgName: z.string() })),
});
export type ServiceAssignee = z.infer<typeof serviceAssigneesResponse>['items'][number];

export const serviceEnterpriseQuery = z.object({ q: z.string().trim().max(40, '搜索内容不能超过40个字').optional() }).strict();
export const serviceEnterprisesResponse = z.object({
  /** `areaOrgId`: the committee that will handle its requests (attachments are uploaded against it). */
  items: z.array(z.object({ id: z.string(), name: z.string(), orgName: z.string().nullable(), areaOrgId: z.string() })),
});
export type ServiceEnterpriseChoice = z.infer<typeof serviceEnterprisesResponse>['items'][number];

/** The committee's overview of its scope: requests by category and status, overdue, and the ratings given. */
export const serviceSummaryResponse = z.object({
  cells: z.array(z.object({ category: z.enum(SERVICE_CATEGORIES), status: z.enum(SERVICE_STATUSES), count: z.number().int() })),
  overdue: z.number().int(),
  rated: z.number().int(),
  /** Mean rating of closed requests, one decimal; null before the first rating. */
  averageRating: z.number().nullable(),
});
export type ServiceSummary = z.infer<typeof serviceSummaryResponse>;
