import { z } from 'zod';
import { NOTICE_BOXES, NOTICE_LIMITS, NOTICE_ROLES } from './notice-rules.js';

export * from './notice-rules.js';

const id = z.string().uuid('编号格式不正确');

export const sendNoticeBody = z
  .object({
    senderOrgId: z.string({ error: '请选择发文党组织' }).uuid('请选择发文党组织'),
    title: z
      .string({ error: '请填写标题' })
      .trim()
      .min(2, '标题至少2个字')
      .max(NOTICE_LIMITS.titleMax, `标题不能超过${NOTICE_LIMITS.titleMax}个字`),
    body: z
      .string({ error: '请填写正文' })
      .trim()
      .min(1, '请填写正文')
      .max(NOTICE_LIMITS.bodyMax, `正文不能超过${NOTICE_LIMITS.bodyMax}个字`),
    targets: z
      .array(z.object({ orgId: z.string().uuid('接收组织不正确'), subtree: z.boolean() }).strict(), {
        error: '请选择接收组织',
      })
      .min(1, '请选择接收组织')
      .max(NOTICE_LIMITS.targets, `接收组织最多${NOTICE_LIMITS.targets}个`),
    /** null or empty: every account there; otherwise only those holding one of these roles there. */
    roles: z
      .array(z.enum(NOTICE_ROLES, { error: '接收角色不正确' }))
      .max(NOTICE_ROLES.length)
      .nullish()
      .transform((v) => (v && v.length > 0 ? [...new Set(v)] : null)),
    attachmentIds: z.array(id).max(NOTICE_LIMITS.attachments, `附件最多${NOTICE_LIMITS.attachments}个`).default([]),
  })
  .strict();
export type SendNoticeBody = z.input<typeof sendNoticeBody>;

export const noticeListQuery = z
  .object({
    box: z.enum(NOTICE_BOXES).default('inbox'),
    unread: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
  })
  .strict();

export const noticeIdParams = z.object({ id });

export const noticeSummary = z.object({
  id: z.string(),
  title: z.string(),
  senderOrgId: z.string(),
  senderOrgName: z.string(),
  sentAt: z.string(),
  sentByName: z.string().nullable(),
  audience: z.string(),
  attachmentCount: z.number().int(),
  /** Inbox: when this user read it (null: unread). Sent box: null. */
  readAt: z.string().nullable(),
  /** Sent box: how many accounts have read it. */
  readCount: z.number().int().nullable(),
});
export type NoticeSummary = z.infer<typeof noticeSummary>;

export const noticeListResponse = z.object({
  items: z.array(noticeSummary),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NoticeListResponse = z.infer<typeof noticeListResponse>;

export const noticeAttachment = z.object({ id: z.string(), name: z.string(), size: z.number().int(), mime: z.string() });

export const noticeDetail = noticeSummary.extend({
  body: z.string(),
  targets: z.array(z.object({ orgId: z.string(), orgName: z.string(), subtree: z.boolean() })),
  roles: z.array(z.enum(NOTICE_ROLES)).nullable(),
  attachments: z.array(noticeAttachment),
  /** The sender's side sees the receipts. */
  abilities: z.object({ receipts: z.boolean() }),
});
export type NoticeDetail = z.infer<typeof noticeDetail>;

export const noticeReceiptsQuery = z
  .object({
    view: z.enum(['orgs', 'people']).default('orgs'),
    unread: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
  })
  .strict();

export const noticeReceiptsResponse = z.object({
  recipients: z.number().int(),
  read: z.number().int(),
  orgs: z.array(z.object({ orgId: z.string(), orgName: z.string(), recipients: z.number().int(), read: z.number().int() })),
  people: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      readAt: z.string().nullable(),
    }),
  ),
  /** Rows of the chosen view (orgs or people) matching the filter. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NoticeReceipts = z.infer<typeof noticeReceiptsResponse>;

/** Orgs a sender may address: its subtree, by name (for the compose form's picker). */
export const noticeTargetQuery = z
  .object({ senderOrgId: id, q: z.string().trim().max(40, '搜索内容不能超过40个字').optional() })
  .strict();
export const noticeTargetResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), depth: z.number().int() })),
});
export type NoticeTargetResponse = z.infer<typeof noticeTargetResponse>;
