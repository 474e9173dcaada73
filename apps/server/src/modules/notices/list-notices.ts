import type { noticeListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { presentNotices } from './notice.presenter.js';
import { addressedTo, listNoticePage, noticeExtras, receivingGrants } from './notice.repository.js';

type Query = z.output<typeof noticeListQuery>;

/**
 * The inbox (notices addressed to the user, with their read state) or the sent box (notices sent by orgs
 * where the user holds notice.send), newest first, with the inbox's unread count.
 */
export async function listNotices(ctx: Ctx, query: Query) {
  const access = ctx.access;
  const userId = access.user!.id;
  if (query.box === 'sent') access.requireAnywhere('notice.send');
  else if (receivingGrants(access).length === 0) throw forbidden();
  return ctx.db.transaction().execute(async (trx) => {
    const scoped = access.in(trx);
    const page = await listNoticePage(
      trx,
      {
        userId,
        where: query.box === 'sent' ? scoped.within('notice.send', 'notice.sender_org_id') : addressedTo(scoped),
        unread: !!query.unread && query.box === 'inbox',
        countUnread: query.box === 'inbox',
      },
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    );
    const extras = await noticeExtras(
      trx,
      page.items.map((n) => n.id),
      query.box,
    );
    return {
      items: presentNotices(page.items, query.box, extras),
      total: page.total,
      unread: page.unread,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
