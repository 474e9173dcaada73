import { coversSubtree } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import type { MemberFilterInput } from './member-filter.js';
import { subtreeCount, sumDirectCounts, sumSubtreeCounts } from './member-list.repository.js';

/**
 * The total of a list that filters by nothing but scope (and an org), read from the counts the database keeps
 * per org (org_member_count, maintained by triggers): one indexed read instead of counting a district's
 * hundred thousand members. Null when the filters need a real count.
 */
export async function keptTotal(ctx: Ctx, f: MemberFilterInput): Promise<number | null> {
  const { orgId, ...filters } = f;
  if (Object.values(filters).some((v) => v !== undefined && v !== false)) return null;
  const access = ctx.access;
  if (orgId) {
    if (!(await coversSubtree(access, 'member.read', orgId, ctx.db))) return null;
    return subtreeCount(ctx.db, orgId);
  }
  const parts = await access.scopeParts('member.read');
  if (parts === null) return sumSubtreeCounts(ctx.db, null);
  let total = 0;
  if (parts.subtrees.length) total += await sumSubtreeCounts(ctx.db, parts.subtrees);
  if (parts.orgs.length) total += await sumDirectCounts(ctx.db, parts.orgs);
  return total;
}
