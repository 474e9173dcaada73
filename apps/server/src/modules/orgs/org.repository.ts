import type { CommitteeLevel, OrgKind } from '@tongxin/contracts';
import type { ExpressionBuilder } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';
import { prepared } from '../../platform/db/prepared.js';
import type { DB, OrgTable } from '../../platform/db/types.js';
import { pinyinKeys } from './pinyin.js';

export type OrgRow = OrgTable;

export async function findOrg(db: Db | Trx, id: string): Promise<OrgRow | undefined> {
  return db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewOrg {
  parentId: string | null;
  name: string;
  kind: OrgKind;
  level: CommitteeLevel | null;
  foundedOn: string | null;
  createdAt: string;
}

/** Inserts the org and its closure rows: itself at depth 0 and every ancestor of its parent one deeper. */
export async function insertOrg(trx: Trx, org: NewOrg, id: string = uuidv7()): Promise<string> {
  const keys = pinyinKeys(org.name);
  await trx
    .insertInto('org')
    .values({
      id,
      parent_id: org.parentId,
      name: org.name,
      name_pinyin: keys.full,
      name_initials: keys.initials,
      kind: org.kind,
      level: org.level,
      status: 'active',
      founded_on: org.foundedOn,
      created_at: org.createdAt,
      archived_at: null,
      archive_reason: null,
      merged_into_id: null,
    })
    .execute();
  await trx.insertInto('org_closure').values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
  if (org.parentId) {
    await trx
      .insertInto('org_closure')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('org_closure')
          .select(['ancestor_id', eb.val(id).as('descendant_id'), eb(eb.ref('depth'), '+', 1).as('depth')])
          .where('descendant_id', '=', org.parentId as string),
      )
      .execute();
  }
  return id;
}

export async function isInSubtree(db: Db | Trx, rootId: string, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_closure')
    .select('depth')
    .where('ancestor_id', '=', rootId)
    .where('descendant_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Re-hangs a subtree: only the moved subtree's links to its old ancestors are rewritten. */
export async function moveSubtree(trx: Trx, orgId: string, newParentId: string): Promise<void> {
  const subtree = trx.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId);
  await trx.deleteFrom('org_closure').where('descendant_id', 'in', subtree).where('ancestor_id', 'not in', subtree).execute();
  await trx
    .insertInto('org_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom('org_closure as up')
        .innerJoin('org_closure as down', (join) => join.on('down.ancestor_id', '=', orgId))
        .select((s) => [
          'up.ancestor_id as ancestor_id',
          'down.descendant_id as descendant_id',
          s(s(s.ref('up.depth'), '+', s.ref('down.depth')), '+', 1).as('depth'),
        ])
        .where('up.descendant_id', '=', newParentId),
    )
    .execute();
  await trx.updateTable('org').set({ parent_id: newParentId }).where('id', '=', orgId).execute();
}

export async function addHistory(trx: Trx, orgId: string, at: string, action: string, actorId: string | null, summary: string) {
  await trx.insertInto('org_history').values({ id: uuidv7(), org_id: orgId, at, action, actor_id: actorId, summary }).execute();
}

export async function pathOf(db: Db | Trx, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select(['org.id', 'org.name'])
    .where('org_closure.descendant_id', '=', orgId)
    .orderBy('org_closure.depth', 'desc')
    .execute();
}

export async function activeChildCount(db: Db | Trx, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('org')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', orgId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The names of these orgs, by id. */
export async function orgNames(db: Db | Trx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The org with its counts: prepared, as its sub-selects cost Kysely more to build than SQLite to run. */
const orgWithCounts = prepared((db, v: { id: string }) =>
  db
    .selectFrom('org')
    .leftJoin('org as merged', 'merged.id', 'org.merged_into_id')
    .selectAll('org')
    .select((eb) => [
      'merged.name as merged_name',
      eb
        .selectFrom('org_closure')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('org_closure.ancestor_id', '=', 'org.id')
        .where('org_closure.depth', '>', 0)
        .as('descendant_count'),
      eb
        .selectFrom('org as child')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('child.parent_id', '=', 'org.id')
        .where('child.status', '=', 'active')
        .as('child_count'),
      eb
        .selectFrom('member')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('member.org_id', '=', 'org.id')
        .where('member.status', '=', 'full')
        .where('member.archived_at', 'is', null)
        .as('full_member_count'),
    ])
    .where('org.id', '=', v.id),
);

export type OrgWithCounts = OrgRow & {
  mergedName: string | null;
  descendantCount: number;
  childCount: number;
  fullMemberCount: number;
};

/** The org page's row: the org, the name of the org it was merged into, and its counts (one prepared query). */
export async function findOrgWithCounts(db: Db | Trx, id: string): Promise<OrgWithCounts | undefined> {
  const [row] = await orgWithCounts(db, { id });
  if (!row) return undefined;
  const { merged_name, descendant_count, child_count, full_member_count, ...org } = row;
  return {
    ...org,
    mergedName: merged_name,
    descendantCount: Number(descendant_count ?? 0),
    childCount: Number(child_count ?? 0),
    fullMemberCount: Number(full_member_count ?? 0),
  };
}

/** What a tree row shows of an org. */
export interface OrgSummaryRow {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrgKind;
  level: CommitteeLevel | null;
  status: OrgTable['status'];
  childCount: number;
}

const summaryColumns = [
  'org.id',
  'org.parent_id',
  'org.name',
  'org.kind',
  'org.level',
  'org.status',
  (eb: ExpressionBuilder<DB, 'org'>) =>
    eb
      .selectFrom('org as child')
      .select((c) => c.fn.countAll<number>().as('n'))
      .whereRef('child.parent_id', '=', 'org.id')
      .where('child.status', '=', 'active')
      .as('child_count'),
] as const;

function toSummary(
  r: Pick<OrgTable, 'id' | 'parent_id' | 'name' | 'kind' | 'level' | 'status'> & { child_count: number | null },
): OrgSummaryRow {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    kind: r.kind,
    level: r.level,
    status: r.status,
    childCount: Number(r.child_count ?? 0),
  };
}

/** The tree's top rows: these orgs, or the root(s) when `tops` is null (system-wide grants). */
export async function findTopSummaries(db: Db | Trx, tops: string[] | null): Promise<OrgSummaryRow[]> {
  const rows = await db
    .selectFrom('org')
    .select(summaryColumns)
    .$if(tops === null, (q) => q.where('org.parent_id', 'is', null))
    .$if(tops !== null, (q) => q.where('org.id', 'in', tops!))
    .orderBy('org.name')
    .execute();
  return rows.map(toSummary);
}

/** The children of an org that the user may see. */
export async function findChildSummaries(
  db: Db | Trx,
  access: Access,
  permissions: Parameters<Access['scope']>[0],
  parentId: string,
) {
  const rows = await db
    .selectFrom('org')
    .select(summaryColumns)
    .where('org.parent_id', '=', parentId)
    .where(access.scope(permissions, 'org.id'))
    .orderBy('org.status')
    .orderBy('org.kind')
    .orderBy('org.name')
    .execute();
  return rows.map(toSummary);
}

/** Orgs matching a name, full pinyin or initials within the user's scope; each with its visible path. */
export async function searchOrgSummaries(db: Db | Trx, access: Access, permissions: Parameters<Access['scope']>[0], q: string) {
  const text = q.toLowerCase();
  const scope = access.scope(permissions, 'org.id');
  const rows = await db
    .selectFrom('org')
    .select(summaryColumns)
    .where(scope)
    .where((eb) => eb.or([like('org.name', q), like('org.name_initials', text), like('org.name_pinyin', text)]))
    .orderBy('org.status')
    .orderBy('org.name')
    .limit(20)
    .execute();
  if (rows.length === 0) return [];
  const ancestors = await db
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
  return rows.map((r) => ({
    ...toSummary(r),
    path: ancestors.filter((a) => a.descendant_id === r.id).map((a) => ({ id: a.id, name: a.name })),
  }));
}

/** Whether an active sibling under this parent already has the name. */
export async function nameTaken(trx: Trx, parentId: string, name: string, exceptId?: string): Promise<boolean> {
  const clash = await trx
    .selectFrom('org')
    .select('id')
    .where('parent_id', '=', parentId)
    .where('name', '=', name)
    .where('status', '=', 'active')
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  return clash !== undefined;
}

export async function activeChildren(trx: Trx, orgId: string): Promise<OrgRow[]> {
  return trx.selectFrom('org').selectAll().where('parent_id', '=', orgId).where('status', '=', 'active').execute();
}

/** The org's own members still on the rolls. */
export async function activeMemberCount(trx: Trx, orgId: string): Promise<number> {
  const row = await trx
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves the org's active members to another org (a merge); returns how many moved. */
export async function moveActiveMembers(trx: Trx, fromOrgId: string, toOrgId: string): Promise<number> {
  const moved = await trx
    .updateTable('member')
    .set({ org_id: toOrgId })
    .where('org_id', '=', fromOrgId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(moved.numUpdatedRows);
}

/** Archives an org (撤销, or merged into another): kept, never deleted, so its history stays. */
export async function archiveOrg(trx: Trx, id: string, at: string, reason: string, mergedIntoId?: string): Promise<void> {
  await trx
    .updateTable('org')
    .set({
      status: 'archived',
      archived_at: at,
      archive_reason: reason,
      ...(mergedIntoId ? { merged_into_id: mergedIntoId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function setOrgName(trx: Trx, id: string, name: string): Promise<void> {
  const keys = pinyinKeys(name);
  await trx.updateTable('org').set({ name, name_pinyin: keys.full, name_initials: keys.initials }).where('id', '=', id).execute();
}

/** An org's narrative history, newest first, with the actor's display name. */
export async function findOrgHistory(db: Db | Trx, orgId: string, limit: number) {
  const rows = await db
    .selectFrom('org_history')
    .leftJoin('app_user', 'app_user.id', 'org_history.actor_id')
    .select(['org_history.id', 'org_history.at', 'org_history.action', 'org_history.summary', 'app_user.display_name'])
    .where('org_history.org_id', '=', orgId)
    .orderBy('org_history.at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.at, action: r.action, summary: r.summary, actorName: r.display_name }));
}
