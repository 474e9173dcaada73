import type { noticeListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { presentNotices } from './notice.presenter.js';
import { addressedTo, receivingGrants } from './notice.repository.js';

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
    const base = trx
      .selectFrom('notice')
      .innerJoin('org', 'org.id', 'notice.sender_org_id')
      .leftJoin('read_receipt as mine', (j) => j.onRef('mine.notice_id', '=', 'notice.id').on('mine.user_id', '=', userId))
      .where(query.box === 'sent' ? scoped.within('notice.send', 'notice.sender_org_id') : addressedTo(scoped));
    const filtered = query.unread && query.box === 'inbox' ? base.where('mine.read_at', 'is', null) : base;
    const rows = await filtered
      .selectAll('notice')
      .select(['org.name as sender_org_name', 'mine.read_at'])
      .orderBy('notice.sent_at', 'desc')
      .orderBy('notice.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const total = await filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const unread =
      query.box === 'inbox'
        ? await base
            .where('mine.read_at', 'is', null)
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .executeTakeFirstOrThrow()
        : { n: 0 };
    return {
      items: await presentNotices(trx, rows, query.box),
      total: Number(total.n),
      unread: Number(unread.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}
