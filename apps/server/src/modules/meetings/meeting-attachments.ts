import { notFound } from '../../platform/http/errors.js';
import { defineAttachmentUse, MB } from '../attachments/attachment-uses.js';
import { findMeetingOrgId } from './meeting.repository.js';

/** Meeting records take photos, scanned sign-in sheets (image or PDF) and documents; readable with the meeting. */
export const MEETING_ATTACHMENTS = defineAttachmentUse({
  kind: 'meeting',
  types: ['jpeg', 'png', 'webp', 'heic', 'pdf', 'docx', 'xlsx'],
  maxBytes: 20 * MB,
  authorizeUpload: (access, orgId) => access.authorize('meeting.manage', orgId, '组织'),
  async authorizeRead(trx, access, ownerId) {
    const orgId = await findMeetingOrgId(trx, ownerId);
    if (!orgId || !(await access.can('meeting.read', orgId))) throw notFound('附件');
  },
});
