import { VISIBILITY } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { like } from '../../platform/db/helpers.js';
import { notFound } from '../../platform/http/errors.js';
import { orgSummaryColumns, presentSummary } from './org.presenter.js';

/** The tree's top rows: the orgs the user's grants start from (the root itself for system-wide grants). */
export async function listRoots(ctx: Ctx) {
  const tops = await ctx.access.scopeTops(VISIBILITY);
  if (tops !== null && tops.length === 0) return { items: [] };
  const rows = await ctx.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .$if(tops === null, (q) => q.where('org.parent_id', 'is', null))
    .$if(tops !== null, (q) => q.where('org.id', 'in', tops!))
    .orderBy('org.name')
    .execute();
  return { items: rows.map(presentSummary) };
}

export async function listChildren(ctx: Ctx, parentId: string) {
  if (!(await ctx.access.canSee(parentId))) throw notFound('组织');
  const rows = await ctx.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .where('org.parent_id', '=', parentId)
    .where(ctx.access.scope(VISIBILITY, 'org.id'))
    .orderBy('org.status')
    .orderBy('org.kind')
    .orderBy('org.name')
    .execute();
  return { items: rows.map(presentSummary) };
}

/** Search by name, full pinyin or initials, within what the user may see; each hit with its visible path. */
export async function searchOrgs(ctx: Ctx, q: string) {
  const text = q.toLowerCase();
  const scope = ctx.access.scope(VISIBILITY, 'org.id');
  const rows = await ctx.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .where(scope)
    .where((eb) => eb.or([like('org.name', q), like('org.name_initials', text), like('org.name_pinyin', text)]))
    .orderBy('org.status')
    .orderBy('org.name')
    .limit(20)
    .execute();
  if (rows.length === 0) return { items: [] };
  const ancestors = await ctx.db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select(['org_closure.descendant_id', 'org.id', 'org.name'])
    .where(
      'org_closure.descendant_id',
      'in',
      rows.map((r) => r.id),
    )
    .where(scope)
    .orderBy('org_closure.depth', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      ...presentSummary(r),
      path: ancestors.filter((a) => a.descendant_id === r.id).map((a) => ({ id: a.id, name: a.name })),
    })),
  };
}
