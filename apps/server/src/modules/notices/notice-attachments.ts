import { notFound } from '../../platform/http/errors.js';
import { defineAttachmentUse, MB } from '../attachments/attachment-uses.js';
import { findNotice, isRecipient } from './notice.repository.js';

/**
 * Notice attachments in the shared store (owner_kind 'notice'): documents and pictures, 20 MB each. The
 * sending side uploads for its org; a file is read by the notice's recipients and its sending side only.
 */
export const NOTICE_ATTACHMENTS = defineAttachmentUse({
  kind: 'notice',
  types: ['pdf', 'docx', 'xlsx', 'jpeg', 'png'],
  maxBytes: 20 * MB,
  authorizeUpload: (access, orgId) => access.authorize('notice.send', orgId, '党组织'),
  async authorizeRead(trx, access, ownerId) {
    const notice = await findNotice(trx, ownerId);
    if (!notice) throw notFound('附件');
    if (await access.can('notice.send', notice.senderOrgId)) return;
    if (!(await isRecipient(trx, access, ownerId))) throw notFound('附件');
  },
});
