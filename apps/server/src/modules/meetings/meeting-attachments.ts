import { notFound } from '../../platform/http/errors.js';
import { defineAttachmentUse, MB } from '../attachments/attachment-uses.js';

/** Meeting records take photos, scanned sign-in sheets (image or PDF) and documents; readable with the meeting. */
export const MEETING_ATTACHMENTS = defineAttachmentUse({
  kind: 'meeting',
  types: ['jpeg', 'png', 'webp', 'heic', 'pdf', 'docx', 'xlsx'],
  maxBytes: 20 * MB,
  authorizeUpload: (access, orgId) => access.authorize('meeting.manage', orgId, '组织'),
  async authorizeRead(trx, access, ownerId) {
    const m = await trx.selectFrom('meeting').select('org_id').where('id', '=', ownerId).executeTakeFirst();
    if (!m || !(await access.can('meeting.read', m.org_id))) throw notFound('附件');
  },
});
