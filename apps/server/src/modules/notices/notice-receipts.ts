import type { NoticeReceipts, noticeReceiptsQuery } from '@tongxin/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { isRecipient } from './get-notice.js';
import { findNotice, recipientGrants } from './notice.repository.js';

type Query = z.output<typeof noticeReceiptsQuery>;

/**
 * The sending side's view of a notice's read receipts: totals, then a page of orgs (recipients and readers
 * per org, the most unread first) or of people (who has not read it first). Recipients are matched through
 * today's grants; the page is what is computed, so a city-wide notice costs one grouped scan of the grants,
 * not a stored row per recipient. Reading names is audited.
 */
export async function noticeReceipts(ctx: Ctx, id: string, query: Query): Promise<NoticeReceipts> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const notice = await findNotice(trx, id);
    if (!notice) throw notFound('通知');
    // The sending side only; a recipient knows the notice exists (403), anyone else does not (404).
    if (!(await access.can('notice.send', notice.sender_org_id))) {
      throw (await isRecipient(trx, access, id)) ? forbidden() : notFound('通知');
    }
    const grants = () =>
      recipientGrants(trx, notice).leftJoin('read_receipt as r', (j) =>
        j.onRef('r.user_id', '=', 'g.user_id').on('r.notice_id', '=', id),
      );
    const totals = await grants()
      .select([
        sql<number | string>`count(distinct g.user_id)`.as('recipients'),
        sql<number | string>`count(distinct r.user_id)`.as('read'),
        sql<number | string>`count(distinct g.org_id)`.as('orgs'),
      ])
      .executeTakeFirstOrThrow();
    const recipients = Number(totals.recipients);
    const read = Number(totals.read);
    const offset = (query.page - 1) * query.pageSize;
    let orgs: NoticeReceipts['orgs'] = [];
    let people: NoticeReceipts['people'] = [];
    let total = 0;
    if (query.view === 'orgs') {
      const grouped = grants()
        .innerJoin('org', 'org.id', 'g.org_id')
        .select([
          'g.org_id as orgId',
          'org.name as orgName',
          'org.name_pinyin',
          sql<number | string>`count(distinct g.user_id)`.as('recipients'),
          sql<number | string>`count(distinct r.user_id)`.as('read'),
        ])
        .groupBy(['g.org_id', 'org.name', 'org.name_pinyin'])
        .$if(query.unread, (q) => q.having(sql<boolean>`count(distinct g.user_id) > count(distinct r.user_id)`));
      const rows = await grouped
        .orderBy(sql`count(distinct g.user_id) - count(distinct r.user_id)`, 'desc')
        .orderBy('org.name_pinyin')
        .orderBy('g.org_id')
        .limit(query.pageSize)
        .offset(offset)
        .execute();
      orgs = rows.map((r) => ({ orgId: r.orgId!, orgName: r.orgName, recipients: Number(r.recipients), read: Number(r.read) }));
      // Every org with a recipient, from the totals; only "orgs with someone unread" needs its own count.
      total = query.unread
        ? Number(
            (
              await trx
                .selectFrom(grouped.as('x'))
                .select((eb) => eb.fn.countAll<number | string>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          )
        : Number(totals.orgs);
    } else {
      const byUser = grants()
        .select([
          'g.user_id as userId',
          'u.display_name as displayName',
          sql<string>`min(g.org_id)`.as('orgId'),
          sql<string | null>`min(r.read_at)`.as('readAt'),
        ])
        .groupBy(['g.user_id', 'u.display_name'])
        .$if(query.unread, (q) => q.having(sql<boolean>`count(r.user_id) = 0`));
      const rows = await byUser
        .orderBy(sql`case when min(r.read_at) is null then 0 else 1 end`)
        .orderBy('u.display_name')
        .orderBy('g.user_id')
        .limit(query.pageSize)
        .offset(offset)
        .execute();
      const orgIds = [...new Set(rows.map((r) => r.orgId))];
      const names = orgIds.length ? await trx.selectFrom('org').select(['id', 'name']).where('id', 'in', orgIds).execute() : [];
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      people = rows.map((r) => ({
        userId: r.userId,
        displayName: r.displayName,
        orgId: r.orgId,
        orgName: nameOf.get(r.orgId) ?? '',
        readAt: r.readAt,
      }));
      // Readers are counted among recipients only, so the unread are the difference.
      total = query.unread ? recipients - read : recipients;
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'notice.receipts',
      orgId: notice.sender_org_id,
      objectType: 'notice',
      objectId: id,
      detail: { view: query.view, unread: query.unread, page: query.page },
    });
    return {
      recipients,
      read,
      orgs,
      people,
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
