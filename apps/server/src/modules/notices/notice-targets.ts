import type { Ctx } from '../../context.js';
import { addressableOrgs } from './notice.repository.js';

/**
 * The orgs a sender may address: the sender org and its active subtree, nearest first, filtered by name or
 * pinyin (for the compose form's picker). At most 50 rows.
 */
export async function noticeTargets(ctx: Ctx, senderOrgId: string, q: string | undefined) {
  await ctx.access.authorize('notice.send', senderOrgId, '党组织');
  return { items: await addressableOrgs(ctx.db, senderOrgId, q, 50) };
}
