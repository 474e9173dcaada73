import { NOTICE_SENDER_KINDS, type sendNoticeBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { setOwnerAttachments } from '../attachments/attachment.repository.js';
import { findOrg } from '../orgs/org.repository.js';
import { countActiveInSubtree, insertNotice } from './notice.repository.js';
import { NOTICE_ATTACHMENTS } from './notice-attachments.js';

type Input = z.output<typeof sendNoticeBody>;

/**
 * A committee (or general branch) sends a notice down its subtree. The audience is stored as its rule — one
 * row per target org — so a notice to a whole city costs a few rows; recipients find it through their grants.
 */
export async function sendNotice(ctx: Ctx, input: Input): Promise<string> {
  const now = ctx.clock.now().toISOString();
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('notice.send', input.senderOrgId, '党组织');
    const sender = await findOrg(trx, input.senderOrgId);
    if (!sender) throw notFound('党组织');
    if (!(NOTICE_SENDER_KINDS as readonly string[]).includes(sender.kind) || sender.status !== 'active') {
      throw invalid('senderOrgId', '只有党委或党总支可以向下级发送通知');
    }
    const targetIds = [...new Set(input.targets.map((t) => t.orgId))];
    if (targetIds.length !== input.targets.length) throw invalid('targets', '接收组织有重复');
    if ((await countActiveInSubtree(trx, sender.id, targetIds)) !== targetIds.length) {
      throw invalid('targets', '接收组织须是本组织或其下级组织');
    }
    await insertNotice(
      trx,
      {
        id,
        senderOrgId: sender.id,
        title: input.title,
        body: input.body,
        roles: input.roles,
        sentAt: now,
        sentBy: access.user!.id,
        sentByName: access.user!.displayName,
      },
      input.targets,
    );
    // Claims this user's pending uploads for the sender org (the store refuses anything else).
    await setOwnerAttachments(trx, {
      ownerKind: NOTICE_ATTACHMENTS.kind,
      ownerId: id,
      orgId: sender.id,
      userId: access.user!.id,
      ids: input.attachmentIds,
      now,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'notice.send',
      orgId: sender.id,
      objectType: 'notice',
      objectId: id,
      detail: { title: input.title, targets: input.targets, roles: input.roles, attachments: input.attachmentIds.length },
    });
  });
  return id;
}
