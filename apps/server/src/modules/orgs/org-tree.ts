import type { FastifyRequest } from 'fastify';
import type { Access } from '../../access/access.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { orgSummaryColumns, presentSummary } from './org.presenter.js';

/** Orgs shown in the tree: readable ones, plus the directory the security admin needs to place grants. */
export function treeScope(access: Access) {
  return access.orgIdsWith('org.read').union(access.orgIdsWith('security.org.directory'));
}

/** The tree's top rows: each visible org whose parent is not visible. */
export async function listRoots(deps: Deps, request: FastifyRequest) {
  const scope = treeScope(request.access);
  const rows = await deps.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .where('org.id', 'in', scope)
    .where((eb) => eb.or([eb('org.parent_id', 'is', null), eb('org.parent_id', 'not in', treeScope(request.access))]))
    .orderBy('org.name')
    .limit(200)
    .execute();
  return { items: rows.map(presentSummary) };
}

export async function listChildren(deps: Deps, request: FastifyRequest, parentId: string) {
  if (!(await request.access.canSee(parentId))) throw notFound('组织');
  const rows = await deps.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .where('org.parent_id', '=', parentId)
    .where('org.id', 'in', treeScope(request.access))
    .orderBy('org.status')
    .orderBy('org.kind')
    .orderBy('org.name')
    .execute();
  return { items: rows.map(presentSummary) };
}

/** Search by name, full pinyin or initials, within what the user may see; each hit with its path. */
export async function searchOrgs(deps: Deps, request: FastifyRequest, q: string) {
  // LIKE wildcards in the query are dropped rather than escaped: ESCAPE differs between the two engines.
  const cleaned = q.toLowerCase().replace(/[%_\\]/g, '');
  if (!cleaned) return { items: [] };
  const needle = `%${cleaned}%`;
  const rows = await deps.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .where('org.id', 'in', treeScope(request.access))
    .where((eb) =>
      eb.or([eb('org.name', 'like', needle), eb('org.name_initials', 'like', needle), eb('org.name_pinyin', 'like', needle)]),
    )
    .orderBy('org.status')
    .orderBy('org.name')
    .limit(20)
    .execute();
  if (rows.length === 0) return { items: [] };
  const visible = await deps.db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select(['org_closure.descendant_id', 'org.id', 'org.name', 'org_closure.depth'])
    .where(
      'org_closure.descendant_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('org.id', 'in', treeScope(request.access))
    .orderBy('org_closure.depth', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      ...presentSummary(r),
      path: visible.filter((v) => v.descendant_id === r.id).map((v) => ({ id: v.id, name: v.name })),
    })),
  };
}
