import { z } from 'zod';

/** The shared attachment store (IN-06): what an upload answers and what a feature's records list. */
export const attachmentInfo = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type AttachmentInfo = z.infer<typeof attachmentInfo>;

export const attachmentUploadQuery = z
  .object({
    use: z.string({ error: '请指明附件用途' }).regex(/^[a-z][a-z_]{1,30}$/, '附件用途不正确'),
    orgId: z.string({ error: '请指明所属组织' }).uuid('所属组织编号格式不正确'),
  })
  .strict();

export const attachmentIdParams = z.object({ id: z.string().uuid('附件编号格式不正确') });

/** A feature's body lists the attachments to keep by id (uploaded first, claimed when the record is saved). */
export const attachmentIds = z
  .array(z.string().uuid('附件编号格式不正确'), { error: '附件列表格式不正确' })
  .max(30, '附件最多30个')
  .default([]);
