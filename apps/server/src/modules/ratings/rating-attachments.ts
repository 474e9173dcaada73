import { notFound } from '../../platform/http/errors.js';
import { defineAttachmentUse, MB } from '../attachments/attachment-uses.js';

/** Evidence for a self-rating (photos, scans, documents): uploaded by the self-rater, read with the rating. */
export const RATING_ATTACHMENTS = defineAttachmentUse({
  kind: 'rating',
  types: ['jpeg', 'png', 'webp', 'heic', 'pdf', 'docx', 'xlsx'],
  maxBytes: 20 * MB,
  authorizeUpload: (access, orgId) => access.authorize('rating.self', orgId, '组织'),
  async authorizeRead(trx, access, ownerId) {
    const r = await trx.selectFrom('rating').select('org_id').where('id', '=', ownerId).executeTakeFirst();
    if (!r || !(await access.can('rating.read', r.org_id))) throw notFound('附件');
  },
});
