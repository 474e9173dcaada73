import { coversSubtree } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import type { MemberFilterInput } from './member-filter.js';

/**
 * The total of a list that filters by nothing but scope (and an org), read from the counts the database keeps
 * per org (org_member_count, maintained by triggers): one indexed read instead of counting a district's
 * hundred thousand members. Null when the filters need a real count.
 */
export async function keptTotal(ctx: Ctx, f: MemberFilterInput): Promise<number | null> {
  const { orgId, ...filters } = f;
  if (Object.values(filters).some((v) => v !== undefined && v !== false)) return null;
  const access = ctx.access;
  const counts = ctx.db
    .selectFrom('org_member_count')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('subtree'), eb.lit(0)).as('n'));
  if (orgId) {
    if (!(await coversSubtree(access, 'member.read', orgId, ctx.db))) return null;
    return Number((await counts.where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);
  }
  const parts = await access.scopeParts('member.read');
  if (parts === null) {
    const roots = ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null);
    return Number((await counts.where('org_id', 'in', roots).executeTakeFirstOrThrow()).n);
  }
  let total = 0;
  if (parts.subtrees.length) total += Number((await counts.where('org_id', 'in', parts.subtrees).executeTakeFirstOrThrow()).n);
  if (parts.orgs.length) {
    const direct = await ctx.db
      .selectFrom('org_member_count')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('direct'), eb.lit(0)).as('n'))
      .where('org_id', 'in', parts.orgs)
      .executeTakeFirstOrThrow();
    total += Number(direct.n);
  }
  return total;
}
