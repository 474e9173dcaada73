import { NOTICE_ROLES, type NoticeRole } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';
import type { NoticeTable } from '../../platform/db/types.js';

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
export function recipientGrants(db: Db | Trx, notice: { id: string; roles: NoticeRole[] | null }) {
  const roles = notice.roles ?? [...NOTICE_ROLES];
  return db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .where('u.disabled_at', 'is', null)
    .where('g.org_id', 'is not', null)
    .where('g.role', 'in', roles)
    .where(targetCovers(sql`${notice.id}`, sql.ref('g.org_id')));
}

/** A notice as sent: its audience rule is its targets (read with `targetsOf`) and its roles. */
export interface Notice {
  id: string;
  senderOrgId: string;
  senderOrgName: string;
  title: string;
  body: string;
  /** The roles addressed, or null for every notice role. */
  roles: NoticeRole[] | null;
  sentAt: string;
  sentBy: string | null;
  sentByName: string | null;
}

/** A notice in a box: in the inbox with when this user opened it. */
export type ListedNotice = Notice & { readAt: string | null };

const toNotice = (r: NoticeTable & { sender_org_name: string }): Notice => ({
  id: r.id,
  senderOrgId: r.sender_org_id,
  senderOrgName: r.sender_org_name,
  title: r.title,
  body: r.body,
  roles: rolesOf(r.roles),
  sentAt: r.sent_at,
  sentBy: r.sent_by,
  sentByName: r.sent_by_name,
});

export async function findNotice(db: Db | Trx, id: string): Promise<Notice | undefined> {
  const row = await db
    .selectFrom('notice')
    .innerJoin('org', 'org.id', 'notice.sender_org_id')
    .selectAll('notice')
    .select('org.name as sender_org_name')
    .where('notice.id', '=', id)
    .executeTakeFirst();
  return row && toNotice(row);
}

/** Whether the notice is addressed to this user (one indexed probe through their grants). */
export async function isRecipient(trx: Trx, access: Access, id: string): Promise<boolean> {
  const hit = await trx
    .selectFrom('notice')
    .select('notice.id')
    .where('notice.id', '=', id)
    .where(addressedTo(access))
    .executeTakeFirst();
  return hit !== undefined;
}

/** Writes a notice and its targets (one row per target org). */
export async function insertNotice(
  trx: Trx,
  n: Omit<Notice, 'senderOrgName'>,
  targets: readonly { orgId: string; subtree: boolean }[],
): Promise<void> {
  await trx
    .insertInto('notice')
    .values({
      id: n.id,
      sender_org_id: n.senderOrgId,
      title: n.title,
      body: n.body,
      roles: rolesColumn(n.roles),
      sent_at: n.sentAt,
      sent_by: n.sentBy,
      sent_by_name: n.sentByName,
    })
    .execute();
  await trx
    .insertInto('notice_target')
    .values(targets.map((t) => ({ notice_id: n.id, org_id: t.orgId, subtree: t.subtree ? 1 : 0 })))
    .execute();
}

/** How many of these orgs are active and in the sender's subtree (itself included). */
export async function countActiveInSubtree(db: Db | Trx, rootId: string, orgIds: readonly string[]): Promise<number> {
  const inside = await db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.descendant_id')
    .select('org.id')
    .where('org_closure.ancestor_id', '=', rootId)
    .where('org_closure.descendant_id', 'in', orgIds)
    .where('org.status', '=', 'active')
    .execute();
  return inside.length;
}

/** When this user first opened the notice, if they have. */
export async function readAtOf(db: Db | Trx, noticeId: string, userId: string): Promise<string | null> {
  const mine = await db
    .selectFrom('read_receipt')
    .select('read_at')
    .where('notice_id', '=', noticeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return mine?.read_at ?? null;
}

/** Leaves a read receipt; false when one was already there (a second tab opening it at once). */
export async function insertReadReceipt(trx: Trx, noticeId: string, userId: string, at: string): Promise<boolean> {
  const inserted = await trx
    .insertInto('read_receipt')
    .values({ notice_id: noticeId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** What a page of notices shows besides the notice: targets, attachment counts and (sent box) read counts. */
export async function noticeExtras(db: Db | Trx, ids: readonly string[], box: 'inbox' | 'sent') {
  const targets = await targetsOf(db, ids);
  const attachments = new Map<string, number>();
  const reads = new Map<string, number>();
  if (ids.length > 0) {
    for (const r of await db
      .selectFrom('attachment')
      .select(['owner_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('owner_kind', '=', 'notice')
      .where('owner_id', 'in', ids)
      .groupBy('owner_id')
      .execute())
      attachments.set(r.owner_id!, Number(r.n));
    if (box === 'sent') {
      for (const r of await db
        .selectFrom('read_receipt')
        .select(['notice_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('notice_id', 'in', ids)
        .groupBy('notice_id')
        .execute())
        reads.set(r.notice_id, Number(r.n));
    }
  }
  return { targets, attachments, reads };
}

export type NoticeExtras = Awaited<ReturnType<typeof noticeExtras>>;

/**
 * A page of a box, newest first, with its total and the inbox's unread count: `where` picks the box (the
 * sender scope, or `addressedTo`); `unread` keeps only notices this user has not opened.
 */
export async function listNoticePage(
  trx: Trx,
  f: { userId: string; where: Expression<SqlBool>; unread: boolean; countUnread: boolean },
  page: { limit: number; offset: number },
): Promise<{ items: ListedNotice[]; total: number; unread: number }> {
  const base = trx
    .selectFrom('notice')
    .innerJoin('org', 'org.id', 'notice.sender_org_id')
    .leftJoin('read_receipt as mine', (j) => j.onRef('mine.notice_id', '=', 'notice.id').on('mine.user_id', '=', f.userId))
    .where(f.where);
  const filtered = f.unread ? base.where('mine.read_at', 'is', null) : base;
  const rows = await filtered
    .selectAll('notice')
    .select(['org.name as sender_org_name', 'mine.read_at'])
    .orderBy('notice.sent_at', 'desc')
    .orderBy('notice.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const unread = f.countUnread
    ? await base
        .where('mine.read_at', 'is', null)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
    : { n: 0 };
  return {
    items: rows.map(({ read_at, ...r }) => ({ ...toNotice(r), readAt: read_at })),
    total: Number(total.n),
    unread: Number(unread.n),
  };
}

/** Notices addressed to the user, sent since `since` and not yet opened by them, newest first, at most `limit`. */
export async function unreadAddressedSince(
  trx: Trx,
  access: Access,
  userId: string,
  since: string,
  limit: number,
): Promise<Notice[]> {
  const rows = await trx
    .selectFrom('notice')
    .innerJoin('org', 'org.id', 'notice.sender_org_id')
    .selectAll('notice')
    .select('org.name as sender_org_name')
    .where('notice.sent_at', '>=', since)
    .where(addressedTo(access))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('read_receipt')
            .select('read_receipt.notice_id')
            .whereRef('read_receipt.notice_id', '=', 'notice.id')
            .where('read_receipt.user_id', '=', userId),
        ),
      ),
    )
    .orderBy('notice.sent_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toNotice);
}

/**
 * The orgs a sender may address: the sender org and its active subtree, nearest first, filtered by name or
 * pinyin. At most `limit` rows.
 */
export async function addressableOrgs(db: Db | Trx, senderOrgId: string, q: string | undefined, limit: number) {
  const text = q?.toLowerCase().replace(/\s+/g, '') ?? '';
  return db
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
    .limit(limit)
    .execute();
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
