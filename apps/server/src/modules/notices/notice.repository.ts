import { NOTICE_ROLES, type NoticeRole } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';

/** The roles column: null for every account, else the roles fenced by commas so one LIKE finds a role. */
export const rolesColumn = (roles: readonly NoticeRole[] | null) => (roles ? `,${roles.join(',')},` : null);
export const rolesOf = (column: string | null): NoticeRole[] | null =>
  column ? (column.split(',').filter((r) => (NOTICE_ROLES as readonly string[]).includes(r)) as NoticeRole[]) : null;

/** The user's grants that can receive notices: business roles at an org (the 三员 have none). */
export function receivingGrants(access: Access) {
  return access.grants.filter(
    (g): g is typeof g & { orgId: string; role: NoticeRole } =>
      g.orgId !== null && (NOTICE_ROLES as readonly string[]).includes(g.role),
  );
}

/** A notice's target covers the org in `orgColumn`: the target itself, or below a subtree target. */
const targetCovers = (notice: Expression<string>, org: Expression<string>) =>
  sql<SqlBool>`exists (select 1 from notice_target as nt inner join org_closure as nc on nc.ancestor_id = nt.org_id
    where nt.notice_id = ${notice} and nc.descendant_id = ${org} and (nt.subtree = 1 or nc.depth = 0))`;

/**
 * The notices addressed to this user (rows of `notice`): some grant of theirs sits at an org a target covers,
 * with a role the notice names (or any role). First narrowed to notices targeted at one of the ancestors of
 * the user's orgs (an index range on notice_target), then checked grant by grant.
 */
export function addressedTo(access: Access): Expression<SqlBool> {
  const grants = receivingGrants(access);
  if (grants.length === 0) return sql<SqlBool>`1 = 0`;
  const orgIds = [...new Set(grants.map((g) => g.orgId))];
  const candidates = sql<SqlBool>`notice.id in (select ct.notice_id from notice_target as ct where ct.org_id in
    (select ca.ancestor_id from org_closure as ca where ca.descendant_id in (${sql.join(orgIds)})))`;
  const exact = grants.map(
    (g) =>
      sql<SqlBool>`(${targetCovers(sql.ref('notice.id'), sql`${g.orgId}`)} and (notice.roles is null or notice.roles like ${`%,${g.role},%`}))`,
  );
  return sql<SqlBool>`(${candidates} and (${sql.join(exact, sql` or `)}))`;
}

/**
 * The recipients of one notice, as (user, org) pairs: every enabled account holding a role the notice names
 * (or any notice role) at an org one of its targets covers. An account with roles at two covered orgs appears
 * once per org. Evaluated when asked, so the audience is who holds those roles now.
 */
export function recipientGrants(db: Db | Trx, notice: { id: string; roles: string | null }) {
  const roles = rolesOf(notice.roles) ?? [...NOTICE_ROLES];
  return db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .where('u.disabled_at', 'is', null)
    .where('g.org_id', 'is not', null)
    .where('g.role', 'in', roles)
    .where(targetCovers(sql`${notice.id}`, sql.ref('g.org_id')));
}

export async function findNotice(db: Db | Trx, id: string) {
  return db
    .selectFrom('notice')
    .innerJoin('org', 'org.id', 'notice.sender_org_id')
    .selectAll('notice')
    .select('org.name as sender_org_name')
    .where('notice.id', '=', id)
    .executeTakeFirst();
}

export async function targetsOf(db: Db | Trx, noticeIds: readonly string[]) {
  const byNotice = new Map<string, { orgId: string; orgName: string; subtree: boolean }[]>();
  if (noticeIds.length === 0) return byNotice;
  const rows = await db
    .selectFrom('notice_target')
    .innerJoin('org', 'org.id', 'notice_target.org_id')
    .select(['notice_target.notice_id', 'notice_target.org_id', 'notice_target.subtree', 'org.name', 'org.name_pinyin'])
    .where('notice_target.notice_id', 'in', noticeIds)
    .orderBy('org.name_pinyin')
    .execute();
  for (const r of rows) {
    const list = byNotice.get(r.notice_id) ?? [];
    list.push({ orgId: r.org_id, orgName: r.name, subtree: r.subtree === 1 });
    byNotice.set(r.notice_id, list);
  }
  return byNotice;
}
