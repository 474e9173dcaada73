import { z } from 'zod';

export const auditQuery = z
  .object({
    type: z.string().max(60).optional(),
    actor: z.string().max(64).optional(),
    result: z.enum(['success', 'denied', 'failed']).optional(),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
      .optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  type: z.string(),
  result: z.enum(['success', 'denied', 'failed']),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  orgId: z.string().nullable(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.unknown(),
});
export const auditListResponse = z.object({ items: z.array(auditEntry), total: z.number().int() });
export type AuditListResponse = z.infer<typeof auditListResponse>;
export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
