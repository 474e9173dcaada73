import { z } from 'zod';
import { isoDate } from './iso-date.js';
import { createMemberBody } from './members.js';
import { TRANSFER_BOXES, TRANSFER_DIRECTIONS, TRANSFER_EVENTS, TRANSFER_REASONS, TRANSFER_STATUSES } from './transfer-rules.js';

export * from './transfer-rules.js';

const id = z.string().uuid('编号格式不正确');

/** What every letter carries: its number, dates and reason. `validUntil` defaults to the rule's. */
const letter = {
  letterNo: z.string({ error: '请填写介绍信编号' }).trim().min(1, '请填写介绍信编号').max(40, '介绍信编号不能超过40个字'),
  issuedOn: isoDate('开具日期'),
  validUntil: isoDate('有效期至').optional(),
  reason: z.enum(TRANSFER_REASONS, { error: '请选择转接原因' }),
  note: z
    .string()
    .trim()
    .max(200, '说明不能超过200个字')
    .nullish()
    .transform((v) => v || null),
};
const externalOrgName = z
  .string({ error: '请填写对方党组织名称' })
  .trim()
  .min(2, '请填写对方党组织名称')
  .max(80, '对方党组织名称不能超过80个字');
const crossProvince = z.boolean({ error: '请选择是否跨省' });

export const createTransferBody = z.discriminatedUnion('direction', [
  z.object({ direction: z.literal('within'), memberId: id, toOrgId: id, ...letter }).strict(),
  z.object({ direction: z.literal('out'), memberId: id, externalOrgName, crossProvince, ...letter }).strict(),
  z
    .object({
      direction: z.literal('in'),
      toOrgId: id,
      externalOrgName,
      crossProvince,
      // The employer of someone arriving from outside the city is free text: the registry link is made later, on
      // the member's record, by someone who can see the enterprise.
      member: createMemberBody.omit({ orgId: true, enterpriseId: true }),
      ...letter,
    })
    .strict(),
]);
export type CreateTransferBody = z.input<typeof createTransferBody>;
export type CreateTransferInput = z.output<typeof createTransferBody>;

export const transferIdParams = z.object({ id });
export const rejectTransferBody = z
  .object({
    reason: z.string({ error: '请填写退回原因' }).trim().min(2, '请填写退回原因').max(200, '退回原因不能超过200个字'),
  })
  .strict();
export const cancelTransferBody = z
  .object({
    reason: z.string({ error: '请填写撤销原因' }).trim().min(2, '请填写撤销原因').max(200, '撤销原因不能超过200个字'),
  })
  .strict();
export const receiptTransferBody = z.object({ receivedOn: isoDate('回执返回日期') }).strict();

export const TRANSFER_PAGE_SIZE_MAX = 100;
export const transferListQuery = z
  .object({
    box: z.enum(TRANSFER_BOXES).default('outgoing'),
    status: z.enum(TRANSFER_STATUSES).optional(),
    q: z.string().trim().max(40, '搜索内容不能超过40个字').optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(TRANSFER_PAGE_SIZE_MAX, `每页最多${TRANSFER_PAGE_SIZE_MAX}条`).default(20),
  })
  .strict();
export type TransferListQuery = z.input<typeof transferListQuery>;

const orgRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const transferSummary = z.object({
  id: z.string(),
  direction: z.enum(TRANSFER_DIRECTIONS),
  status: z.enum(TRANSFER_STATUSES),
  memberId: z.string().nullable(),
  memberName: z.string(),
  idNumberMasked: z.string().nullable(),
  fromOrg: orgRef,
  toOrg: orgRef,
  externalOrgName: z.string().nullable(),
  crossProvince: z.boolean(),
  letterNo: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  receiptDue: z.string(),
  receiptOn: z.string().nullable(),
  reason: z.enum(TRANSFER_REASONS),
  note: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  createdAt: z.string(),
  flags: z.object({ expired: z.boolean(), receiptOverdue: z.boolean() }),
  /** What this user may do with it now. */
  abilities: z.object({ accept: z.boolean(), reject: z.boolean(), cancel: z.boolean(), receipt: z.boolean() }),
});
export type TransferSummary = z.infer<typeof transferSummary>;

export const transferListResponse = z.object({
  items: z.array(transferSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TransferListResponse = z.infer<typeof transferListResponse>;

export const transferDetail = transferSummary.extend({
  events: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      action: z.enum(TRANSFER_EVENTS),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type TransferDetail = z.infer<typeof transferDetail>;

export const transferDestinationQuery = z
  .object({ q: z.string().trim().min(1, '请输入组织名称或拼音首字母').max(40, '搜索内容不能超过40个字') })
  .strict();
export const transferDestinationResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), districtName: z.string().nullable() })),
});
export type TransferDestination = z.infer<typeof transferDestinationResponse>['items'][number];
