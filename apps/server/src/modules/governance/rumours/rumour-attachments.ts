import { notFound } from '../../../platform/http/errors.js';
import { defineAttachmentUse, MB } from '../../attachments/attachment-uses.js';

/** Screenshots of a suspected rumour: read by the submitter and the committees answering for its org. */
export const RUMOUR_SCREENSHOTS = defineAttachmentUse({
  kind: 'rumour_report',
  types: ['jpeg', 'png', 'webp', 'heic'],
  maxBytes: 10 * MB,
  authorizeUpload: (access, orgId) => access.authorize('org.read', orgId),
  async authorizeRead(trx, access, ownerId) {
    const r = await trx
      .selectFrom('rumour_report')
      .select(['org_id', 'submitted_by'])
      .where('id', '=', ownerId)
      .executeTakeFirst();
    if (!r) throw notFound('附件');
    if (r.submitted_by === access.user?.id) return;
    if (!(await access.can('governance.manage', r.org_id))) throw notFound('附件');
  },
});
