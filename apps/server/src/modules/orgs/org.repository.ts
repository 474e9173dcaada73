import type { CommitteeLevel, OrgKind } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { OrgTable } from '../../platform/db/types.js';
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
