import type { NoticeDetail } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import type { Trx } from '../../platform/db/connect.js';
import { notFound } from '../../platform/http/errors.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { presentNotices } from './notice.presenter.js';
import { addressedTo, findNotice, rolesOf, targetsOf } from './notice.repository.js';

/** Whether the notice is addressed to this user (one indexed probe through their grants). */
export async function isRecipient(trx: Trx, access: Access, id: string): Promise<boolean> {
  const hit = await trx
    .selectFrom('notice')
    .select('notice.id')
    .where('notice.id', '=', id)
    .where(addressedTo(access))
    .executeTakeFirst();
  return hit !== undefined;
}

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
    const sender = await access.can('notice.send', notice.sender_org_id);
    const recipient = await isRecipient(trx, access, id);
    if (!sender && !recipient) throw notFound('通知');
    let readAt: string | null = null;
    if (recipient) {
      const mine = await trx
        .selectFrom('read_receipt')
        .select('read_at')
        .where('notice_id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      readAt = mine?.read_at ?? null;
      if (!readAt) {
        readAt = ctx.clock.now().toISOString();
        const inserted = await trx
          .insertInto('read_receipt')
          .values({ notice_id: id, user_id: userId, read_at: readAt })
          .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
          await ctx.audit.record(trx, ctx.actor, {
            type: 'notice.read',
            orgId: notice.sender_org_id,
            objectType: 'notice',
            objectId: id,
          });
        }
      }
    }
    const [summary] = await presentNotices(trx, [{ ...notice, read_at: readAt }], recipient ? 'inbox' : 'sent');
    const targets = (await targetsOf(trx, [id])).get(id) ?? [];
    const files = await listAttachments(trx, 'notice', id);
    return {
      ...summary!,
      body: notice.body,
      targets,
      roles: rolesOf(notice.roles),
      attachments: files.map((f) => ({ id: f.id, name: f.fileName, size: f.sizeBytes, mime: f.mediaType })),
      abilities: { receipts: sender },
    };
  });
}
