import { TODO_RULES } from '@tongxin/contracts';
import { beijingDate } from '../../platform/clock.js';
import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { addressedTo, receivingGrants } from './notice.repository.js';

/** Notices addressed to the user and not yet opened, from the last 90 days (older ones stay in the inbox). */
export const unreadNoticeTodos: TodoSource = async ({ trx, access, userId, today }) => {
  if (receivingGrants(access).length === 0) return [];
  const since = new Date(Date.parse(`${today}T00:00:00+08:00`) - TODO_RULES.noticeUnreadDays * 86_400_000).toISOString();
  const rows = await trx
    .selectFrom('notice')
    .innerJoin('org', 'org.id', 'notice.sender_org_id')
    .select(['notice.id', 'notice.title', 'notice.sent_at', 'notice.sender_org_id', 'org.name'])
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
    .limit(50)
    .execute();
  return rows.map(
    (r): TodoItem => ({
      kind: 'notice-unread',
      title: r.title,
      detail: `${r.name} · ${beijingDate(new Date(r.sent_at))}`,
      href: `/notices/${r.id}`,
      orgId: r.sender_org_id,
    }),
  );
};
