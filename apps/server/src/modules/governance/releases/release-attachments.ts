import { AppError, notFound } from '../../../platform/http/errors.js';
import { defineAttachmentUse, MB } from '../../attachments/attachment-uses.js';
import { contactEnterpriseIds } from '../governance-access.js';
import { publisherScope, relayerScope } from './relay-access.js';

/** A release's images (图片), uploaded by the publishing committee and read by it and whoever relays the release. */
export const RELEASE_IMAGES = defineAttachmentUse({
  kind: 'official_release',
  types: ['jpeg', 'png', 'webp'],
  maxBytes: 10 * MB,
  authorizeUpload: (access, orgId) => access.authorize('governance.manage', orgId),
  async authorizeRead(trx, access, ownerId) {
    const own = await contactEnterpriseIds(trx, access);
    const hit = await trx
      .selectFrom('relay_task')
      .select('relay_task.id')
      .where('relay_task.release_id', '=', ownerId)
      .where((eb) => eb.or([publisherScope(access), relayerScope(eb, access, own)]))
      .limit(1)
      .executeTakeFirst();
    if (!hit) throw notFound('附件');
  },
});

/**
 * A relay report's screenshots (转发截图): checked by the shared store like every upload (type by content, size,
 * scan), uploaded against the publishing committee and claimed by the task's report.
 */
export const RELAY_SCREENSHOTS = defineAttachmentUse({
  kind: 'relay_report',
  types: ['jpeg', 'png', 'webp', 'heic'],
  maxBytes: 10 * MB,
  async authorizeUpload(access) {
    if (!access.user) throw new AppError(401, 'unauthenticated', '请先登录');
    // A pending file is seen by its uploader only; the report that claims it checks the task.
    if (access.holdsAnywhere('enterprise.own') || access.holdsAnywhere('governance.relay')) return;
    throw notFound('组织');
  },
  async authorizeRead(trx, access, ownerId) {
    const own = await contactEnterpriseIds(trx, access);
    const hit = await trx
      .selectFrom('relay_task')
      .select('id')
      .where('id', '=', ownerId)
      .where((eb) => eb.or([publisherScope(access), relayerScope(eb, access, own)]))
      .executeTakeFirst();
    if (!hit) throw notFound('附件');
  },
});
