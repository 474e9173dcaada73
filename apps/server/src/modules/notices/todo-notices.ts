import { TODO_RULES } from '@tongxin/contracts';
import { beijingDate } from '../../platform/clock.js';
import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { receivingGrants, unreadAddressedSince } from './notice.repository.js';

/** Notices addressed to the user and not yet opened, from the last 90 days (older ones stay in the inbox). */
export const unreadNoticeTodos: TodoSource = async ({ trx, access, userId, today }) => {
  if (receivingGrants(access).length === 0) return [];
  const since = new Date(Date.parse(`${today}T00:00:00+08:00`) - TODO_RULES.noticeUnreadDays * 86_400_000).toISOString();
  const rows = await unreadAddressedSince(trx, access, userId, since, 50);
  return rows.map(
    (r): TodoItem => ({
      kind: 'notice-unread',
      title: r.title,
      detail: `${r.senderOrgName} · ${beijingDate(new Date(r.sentAt))}`,
      href: `/notices/${r.id}`,
      orgId: r.senderOrgId,
    }),
  );
};
