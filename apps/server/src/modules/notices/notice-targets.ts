import type { Ctx } from '../../context.js';
import { like } from '../../platform/db/helpers.js';

/**
 * The orgs a sender may address: the sender org and its active subtree, nearest first, filtered by name or
 * pinyin (for the compose form's picker). At most 50 rows.
 */
export async function noticeTargets(ctx: Ctx, senderOrgId: string, q: string | undefined) {
  await ctx.access.authorize('notice.send', senderOrgId, '党组织');
  const text = q?.toLowerCase().replace(/\s+/g, '') ?? '';
  const rows = await ctx.db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.descendant_id')
    .select(['org.id', 'org.name', 'org.kind', 'org_closure.depth'])
    .where('org_closure.ancestor_id', '=', senderOrgId)
    .where('org.status', '=', 'active')
    .$if(!!q, (qb) =>
      qb.where((eb) => eb.or([like('org.name', q!), like('org.name_initials', text), like('org.name_pinyin', text)])),
    )
    .orderBy('org_closure.depth')
    .orderBy('org.name_pinyin')
    .limit(50)
    .execute();
  return { items: rows };
}
