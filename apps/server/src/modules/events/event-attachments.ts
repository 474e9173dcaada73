import { defineAttachmentUse, MB } from '../attachments/attachment-uses.js';
import { visibleEvent } from './event-access.js';

/** Event photos in the shared store (owner_kind 'event'): pictures, 10 MB each, read by whoever sees the event. */
export const EVENT_PHOTOS = defineAttachmentUse({
  kind: 'event',
  types: ['jpeg', 'png'],
  maxBytes: 10 * MB,
  authorizeUpload: (access, orgId) => access.authorize('event.manage', orgId, '党组织'),
  async authorizeRead(trx, access, ownerId) {
    await visibleEvent(trx, access, ownerId);
  },
});
