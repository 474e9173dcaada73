import type { FastifyRequest } from 'fastify';
import { VISIBILITY } from '../../access/access.js';
import { like } from '../../platform/db/helpers.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { orgSummaryColumns, presentSummary } from './org.presenter.js';

/** The tree's top rows: the orgs the user's grants start from (the root itself for system-wide grants). */
export async function listRoots(deps: Deps, request: FastifyRequest) {
  const tops = await request.access.scopeTops(VISIBILITY);
  if (tops !== null && tops.length === 0) return { items: [] };
  const rows = await deps.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .$if(tops === null, (q) => q.where('org.parent_id', 'is', null))
    .$if(tops !== null, (q) => q.where('org.id', 'in', tops!))
    .orderBy('org.name')
    .execute();
  return { items: rows.map(presentSummary) };
}

export async function listChildren(deps: Deps, request: FastifyRequest, parentId: string) {
  if (!(await request.access.canSee(parentId))) throw notFound('组织');
  const rows = await deps.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .where('org.parent_id', '=', parentId)
    .where(request.access.scope(VISIBILITY, 'org.id'))
    .orderBy('org.status')
    .orderBy('org.kind')
    .orderBy('org.name')
    .execute();
  return { items: rows.map(presentSummary) };
}

/** Search by name, full pinyin or initials, within what the user may see; each hit with its visible path. */
export async function searchOrgs(deps: Deps, request: FastifyRequest, q: string) {
  const text = q.toLowerCase();
  const scope = request.access.scope(VISIBILITY, 'org.id');
  const rows = await deps.db
    .selectFrom('org')
    .select(orgSummaryColumns)
    .where(scope)
    .where((eb) => eb.or([like('org.name', q), like('org.name_initials', text), like('org.name_pinyin', text)]))
    .orderBy('org.status')
    .orderBy('org.name')
    .limit(20)
    .execute();
  if (rows.length === 0) return { items: [] };
  const ancestors = await deps.db
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
