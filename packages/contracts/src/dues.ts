import { z } from 'zod';
import { DUES_CATEGORIES, DUES_MAX_BASE_FEN, DUES_REDUCTION_STATUSES } from './dues-rules.js';
import { isoDate } from './iso-date.js';
import { MEMBER_STATUSES } from './member-labels.js';

export * from './dues-rules.js';

const id = z.string().uuid('编号格式不正确');
const month = (label: string) =>
  z
    .string({ error: `请选择${label}` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM`)
    .refine((m) => m >= '1921-07', `${label}不早于1921年7月`);
const fen = (label: string, max = DUES_MAX_BASE_FEN) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须精确到分`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}超出允许范围`);
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, min > 1 ? `${label}至少${min}个字` : `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);
const optionalNote = z
  .string()
  .trim()
  .max(200, '说明不能超过200个字')
  .nullish()
  .transform((v) => v || null);

export const duesSheetQuery = z.object({ orgId: id, month: month('月份') }).strict();
export type DuesSheetQuery = z.input<typeof duesSheetQuery>;

export const duesIdParams = z.object({ id });

const arrears = z.enum(['none', 'warning', 'lapse']);

export const duesSheetRow = z.object({
  memberId: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(MEMBER_STATUSES),
  startMonth: z.string().nullable(),
  category: z.enum(DUES_CATEGORIES).nullable(),
  baseFen: z.number().int().nullable(),
  fixedFen: z.number().int().nullable(),
  profileFrom: z.string().nullable(),
  /** The amount by the rules before any reduction; null when no profile is set yet. */
  standardFen: z.number().int().nullable(),
  /** The amount due this month (after an approved reduction). */
  dueFen: z.number().int().nullable(),
  reduction: z.object({ id: z.string(), amountFen: z.number().int(), reason: z.string() }).nullable(),
  reductionPending: z.boolean(),
  payment: z
    .object({
      id: z.string(),
      amountFen: z.number().int(),
      paidOn: z.string(),
      note: z.string().nullable(),
      large: z.boolean(),
    })
    .nullable(),
  arrearsMonths: z.number().int(),
  arrearsLevel: arrears,
});
export type DuesSheetRow = z.infer<typeof duesSheetRow>;

export const duesSheetResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  month: z.string(),
  currentMonth: z.string(),
  rulesFrom: z.string(),
  items: z.array(duesSheetRow),
  totals: z.object({
    members: z.number().int(),
    dueFen: z.number().int(),
    paidFen: z.number().int(),
    outstandingFen: z.number().int(),
    paidCount: z.number().int(),
    unsetCount: z.number().int(),
    warningCount: z.number().int(),
    lapseCount: z.number().int(),
  }),
  abilities: z.object({ record: z.boolean(), recordReason: z.string().nullable() }),
});
export type DuesSheet = z.infer<typeof duesSheetResponse>;

export const setDuesProfileBody = z
  .object({
    category: z.enum(DUES_CATEGORIES, { error: '请选择党费类别' }),
    baseFen: fen('月收入基数').nullable(),
    fixedFen: fen('固定缴纳金额').nullish(),
    fromMonth: month('起始月份'),
    note: optionalNote,
  })
  .strict();
export type SetDuesProfileBody = z.input<typeof setDuesProfileBody>;

export const duesPaymentItem = z
  .object({
    memberId: id,
    /** Omitted: the amount due for the month. */
    amountFen: fen('缴纳金额').optional(),
    note: optionalNote,
  })
  .strict();

export const recordDuesPaymentsBody = z
  .object({
    orgId: id,
    month: month('所属月份'),
    paidOn: isoDate('缴纳日期'),
    items: z.array(duesPaymentItem).min(1, '请选择要登记的党员').max(1000, '一次最多登记1000人'),
  })
  .strict();
export type RecordDuesPaymentsBody = z.input<typeof recordDuesPaymentsBody>;
export const recordDuesPaymentsResponse = z.object({
  count: z.number().int(),
  totalFen: z.number().int(),
  largeCount: z.number().int(),
});
export type RecordDuesPaymentsResponse = z.infer<typeof recordDuesPaymentsResponse>;

export const revokeDuesPaymentBody = z.object({ reason: text('撤销原因', 2, 200) }).strict();

export const requestDuesReductionBody = z
  .object({
    memberId: id,
    fromMonth: month('起始月份'),
    toMonth: month('结束月份'),
    /** The monthly amount after the reduction (0 = exempt). */
    amountFen: fen('减免后每月金额'),
    reason: text('减免原因', 4, 300),
  })
  .strict();
export type RequestDuesReductionBody = z.input<typeof requestDuesReductionBody>;

export const decideDuesReductionBody = z
  .object({
    decision: z.enum(['approved', 'rejected'], { error: '请选择批准或驳回' }),
    note: optionalNote,
  })
  .strict();

export const duesReductionQuery = z
  .object({
    orgId: id.optional(),
    status: z.enum(DUES_REDUCTION_STATUSES).optional(),
  })
  .strict();

export const duesReduction = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  fromMonth: z.string(),
  toMonth: z.string(),
  amountFen: z.number().int(),
  reason: z.string(),
  status: z.enum(DUES_REDUCTION_STATUSES),
  requestedAt: z.string(),
  requestedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionNote: z.string().nullable(),
  abilities: z.object({ decide: z.boolean() }),
});
export type DuesReduction = z.infer<typeof duesReduction>;
export const duesReductionListResponse = z.object({ items: z.array(duesReduction) });
export type DuesReductionListResponse = z.infer<typeof duesReductionListResponse>;

export const duesMemberResponse = z.object({
  memberId: z.string(),
  name: z.string(),
  orgName: z.string(),
  startMonth: z.string().nullable(),
  profiles: z.array(
    z.object({
      fromMonth: z.string(),
      category: z.enum(DUES_CATEGORIES),
      baseFen: z.number().int().nullable(),
      fixedFen: z.number().int().nullable(),
      monthlyFen: z.number().int(),
      note: z.string().nullable(),
      setAt: z.string(),
      setBy: z.string().nullable(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      month: z.string(),
      amountFen: z.number().int(),
      paidOn: z.string(),
      note: z.string().nullable(),
      large: z.boolean(),
      revokedAt: z.string().nullable(),
      revokeReason: z.string().nullable(),
    }),
  ),
});
export type DuesMember = z.infer<typeof duesMemberResponse>;
