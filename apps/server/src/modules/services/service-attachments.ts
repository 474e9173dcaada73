import type { AttachmentInfo } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { listAttachmentsOf, setOwnerAttachments } from '../attachments/attachment.repository.js';
import { defineAttachmentUse, MB } from '../attachments/attachment-uses.js';
import { requestOfEntry } from './service-request.repository.js';
import { mayRaiseAnywhere } from './service-scope.js';
import { loadServiceRequest } from './service-sides.js';

/**
 * Files on a request's thread (the shared store, IN-06): photos, scans, PDFs and Office files an enterprise
 * sends with its problem, or a handler with the answer. Each file belongs to one thread entry; it is uploaded
 * against the request's handling committee and claimed when the entry is written.
 */
export const SERVICE_ATTACHMENTS = defineAttachmentUse({
  kind: 'service_request',
  types: ['jpeg', 'png', 'webp', 'heic', 'pdf', 'docx', 'xlsx'],
  maxBytes: 10 * MB,
  async authorizeUpload(access, orgId) {
    if (!access.user) throw new AppError(401, 'unauthenticated', '请先登录');
    // A pending file is seen by its uploader only; the entry that claims it checks the request's sides.
    if (mayRaiseAnywhere(access) || (await access.can('service.handle', orgId))) return;
    throw notFound('组织');
  },
  async authorizeRead(trx, access, ownerId) {
    const requestId = await requestOfEntry(trx, ownerId);
    if (!requestId) throw notFound('附件');
    try {
      await loadServiceRequest(trx, access, requestId);
    } catch {
      throw notFound('附件');
    }
  },
});

/** Claims this user's pending uploads for one thread entry (inside the entry's transaction). */
export async function attachToEntry(
  trx: Trx,
  p: { requestOrgId: string; entryId: string; userId: string; ids: readonly string[]; at: string },
): Promise<void> {
  if (p.ids.length === 0) return;
  await setOwnerAttachments(trx, {
    ownerKind: SERVICE_ATTACHMENTS.kind,
    ownerId: p.entryId,
    orgId: p.requestOrgId,
    userId: p.userId,
    ids: p.ids,
    now: p.at,
  });
}

/** The files of each thread entry. */
export async function entryAttachments(db: Db | Trx, entryIds: readonly string[]): Promise<Map<string, AttachmentInfo[]>> {
  return listAttachmentsOf(db, SERVICE_ATTACHMENTS.kind, entryIds);
}
