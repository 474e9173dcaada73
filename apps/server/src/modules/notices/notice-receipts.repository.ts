import { sql } from 'kysely';
import type { Trx } from '../../platform/db/connect.js';
import { type Notice, recipientGrants } from './notice.repository.js';

// The read receipts of one notice, computed over today's grants (no stored row per recipient).

const withReceipts = (trx: Trx, notice: Pick<Notice, 'id' | 'roles'>) =>
  recipientGrants(trx, notice).leftJoin('read_receipt as r', (j) =>
    j.onRef('r.user_id', '=', 'g.user_id').on('r.notice_id', '=', notice.id),
  );

/** How many people receive the notice, how many have read it, and over how many orgs. */
export async function receiptTotals(
  trx: Trx,
  notice: Pick<Notice, 'id' | 'roles'>,
): Promise<{ recipients: number; read: number; orgs: number }> {
  const totals = await withReceipts(trx, notice)
    .select([
      sql<number | string>`count(distinct g.user_id)`.as('recipients'),
      sql<number | string>`count(distinct r.user_id)`.as('read'),
      sql<number | string>`count(distinct g.org_id)`.as('orgs'),
    ])
    .executeTakeFirstOrThrow();
  return { recipients: Number(totals.recipients), read: Number(totals.read), orgs: Number(totals.orgs) };
}

/**
 * A page of orgs with their recipients and readers, the most unread first; with `unread` only orgs where
 * someone has not read it, and then their count (otherwise the caller has it from the totals).
 */
export async function receiptsByOrg(
  trx: Trx,
  notice: Pick<Notice, 'id' | 'roles'>,
  f: { unread: boolean; limit: number; offset: number },
): Promise<{ items: { orgId: string; orgName: string; recipients: number; read: number }[]; unreadOrgs: number | null }> {
  const grouped = withReceipts(trx, notice)
    .innerJoin('org', 'org.id', 'g.org_id')
    .select([
      'g.org_id as orgId',
      'org.name as orgName',
      'org.name_pinyin',
      sql<number | string>`count(distinct g.user_id)`.as('recipients'),
      sql<number | string>`count(distinct r.user_id)`.as('read'),
    ])
    .groupBy(['g.org_id', 'org.name', 'org.name_pinyin'])
    .$if(f.unread, (q) => q.having(sql<boolean>`count(distinct g.user_id) > count(distinct r.user_id)`));
  const rows = await grouped
    .orderBy(sql`count(distinct g.user_id) - count(distinct r.user_id)`, 'desc')
    .orderBy('org.name_pinyin')
    .orderBy('g.org_id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const items = rows.map((r) => ({
    orgId: r.orgId!,
    orgName: r.orgName,
    recipients: Number(r.recipients),
    read: Number(r.read),
  }));
  if (!f.unread) return { items, unreadOrgs: null };
  const counted = await trx
    .selectFrom(grouped.as('x'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return { items, unreadOrgs: Number(counted.n) };
}

/** A page of recipients (one row per person; their first covered org), who has not read it first. */
export async function receiptsByPerson(
  trx: Trx,
  notice: Pick<Notice, 'id' | 'roles'>,
  f: { unread: boolean; limit: number; offset: number },
): Promise<{ userId: string; displayName: string; orgId: string; orgName: string; readAt: string | null }[]> {
  const rows = await withReceipts(trx, notice)
    .select([
      'g.user_id as userId',
      'u.display_name as displayName',
      sql<string>`min(g.org_id)`.as('orgId'),
      sql<string | null>`min(r.read_at)`.as('readAt'),
    ])
    .groupBy(['g.user_id', 'u.display_name'])
    .$if(f.unread, (q) => q.having(sql<boolean>`count(r.user_id) = 0`))
    .orderBy(sql`case when min(r.read_at) is null then 0 else 1 end`)
    .orderBy('u.display_name')
    .orderBy('g.user_id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const names = orgIds.length ? await trx.selectFrom('org').select(['id', 'name']).where('id', 'in', orgIds).execute() : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({
    userId: r.userId,
    displayName: r.displayName,
    orgId: r.orgId,
    orgName: nameOf.get(r.orgId) ?? '',
    readAt: r.readAt,
  }));
}
