import type { NoticeReceipts, noticeReceiptsQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { findNotice, isRecipient } from './notice.repository.js';
import { receiptsByOrg, receiptsByPerson, receiptTotals } from './notice-receipts.repository.js';

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
    if (!(await access.can('notice.send', notice.senderOrgId))) {
      throw (await isRecipient(trx, access, id)) ? forbidden() : notFound('通知');
    }
    const { recipients, read, orgs: orgCount } = await receiptTotals(trx, notice);
    const page = { unread: query.unread, limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
    let orgs: NoticeReceipts['orgs'] = [];
    let people: NoticeReceipts['people'] = [];
    let total = 0;
    if (query.view === 'orgs') {
      const byOrg = await receiptsByOrg(trx, notice, page);
      orgs = byOrg.items;
      // Every org with a recipient, from the totals; only "orgs with someone unread" needs its own count.
      total = byOrg.unreadOrgs ?? orgCount;
    } else {
      people = await receiptsByPerson(trx, notice, page);
      // Readers are counted among recipients only, so the unread are the difference.
      total = query.unread ? recipients - read : recipients;
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'notice.receipts',
      orgId: notice.senderOrgId,
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
