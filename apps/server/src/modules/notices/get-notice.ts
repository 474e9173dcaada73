import type { NoticeDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { presentNotices } from './notice.presenter.js';
import { findNotice, insertReadReceipt, isRecipient, noticeExtras, readAtOf } from './notice.repository.js';

/**
 * A notice, for a recipient or the sending side (anyone else: 404). A recipient opening it for the first time
 * leaves a read receipt (已读回执), audited, in the same transaction.
 */
export async function getNotice(ctx: Ctx, id: string): Promise<NoticeDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const userId = access.user!.id;
    const notice = await findNotice(trx, id);
    if (!notice) throw notFound('通知');
    const sender = await access.can('notice.send', notice.senderOrgId);
    const recipient = await isRecipient(trx, access, id);
    if (!sender && !recipient) throw notFound('通知');
    let readAt: string | null = null;
    if (recipient) {
      readAt = await readAtOf(trx, id, userId);
      if (!readAt) {
        readAt = ctx.clock.now().toISOString();
        if (await insertReadReceipt(trx, id, userId, readAt)) {
          await ctx.audit.record(trx, ctx.actor, {
            type: 'notice.read',
            orgId: notice.senderOrgId,
            objectType: 'notice',
            objectId: id,
          });
        }
      }
    }
    const box = recipient ? 'inbox' : 'sent';
    const extras = await noticeExtras(trx, [id], box);
    const [summary] = presentNotices([{ ...notice, readAt }], box, extras);
    const files = await listAttachments(trx, 'notice', id);
    return {
      ...summary!,
      body: notice.body,
      targets: extras.targets.get(id) ?? [],
      roles: notice.roles,
      attachments: files.map((f) => ({ id: f.id, name: f.fileName, size: f.sizeBytes, mime: f.mediaType })),
      abilities: { receipts: sender },
    };
  });
}
