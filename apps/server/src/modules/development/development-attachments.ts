import type { AttachmentInfo } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import { notFound } from '../../platform/http/errors.js';
import { listAttachmentsOf, setOwnerAttachments } from '../attachments/attachment.repository.js';
import { defineAttachmentUse, MB } from '../attachments/attachment-uses.js';
import { fileOfStep, loadFile } from './development.repository.js';

/**
 * The documents of a development step (一人一档: 入党申请书、谈话记录、考察登记表、政审报告…) in the shared store:
 * scans, photos, PDFs and Office files, uploaded against the person's branch and claimed by the step when it is
 * recorded. Whoever may read the file reads its documents; each download is audited.
 */
export const DEVELOPMENT_ATTACHMENTS = defineAttachmentUse({
  kind: 'development_step',
  types: ['jpeg', 'png', 'webp', 'heic', 'pdf', 'docx', 'xlsx'],
  maxBytes: 10 * MB,
  auditDownloads: true,
  async authorizeUpload(access, orgId) {
    await access.authorize('development.manage', orgId, '党组织');
  },
  async authorizeRead(trx, access, ownerId) {
    const developmentId = await fileOfStep(trx, ownerId);
    if (!developmentId) throw notFound('附件');
    try {
      await loadFile(trx, access, developmentId, 'development.read');
    } catch {
      throw notFound('附件');
    }
  },
});

/** Claims this user's pending uploads for a step just recorded (inside its transaction). */
export async function attachToStep(
  trx: Trx,
  p: { orgId: string; stepId: string; userId: string; ids: readonly string[]; at: string },
) {
  if (p.ids.length === 0) return;
  await setOwnerAttachments(trx, {
    ownerKind: DEVELOPMENT_ATTACHMENTS.kind,
    ownerId: p.stepId,
    orgId: p.orgId,
    userId: p.userId,
    ids: p.ids,
    now: p.at,
  });
}

export async function stepAttachments(db: Db | Trx, stepIds: readonly string[]): Promise<Map<string, AttachmentInfo[]>> {
  return listAttachmentsOf(db, DEVELOPMENT_ATTACHMENTS.kind, stepIds);
}
