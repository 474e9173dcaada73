import { RELAY_REMIND_HOURS } from '@tongxin/contracts';
import type { TodoItem, TodoSource } from '../../todos/todo-source.js';
import { contactEnterpriseIds } from '../governance-access.js';
import { relayerScope } from './relay-access.js';
import { selectTasks } from './release.repository.js';

const LIMIT = 50;
const beijing = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Relay reminders (待办): the caller's open relay tasks from RELAY_REMIND_HOURS before the deadline (counted from
 * the start of today, Beijing), and after it: a late report is still accepted. One indexed query.
 */
export const relayTaskTodos: TodoSource = async ({ trx, access, today }) => {
  if (!access.holdsAnywhere('enterprise.own') && !access.holdsAnywhere('governance.relay')) return [];
  const own = await contactEnterpriseIds(trx, access);
  const from = new Date(`${today}T00:00:00+08:00`).getTime();
  const horizon = new Date(from + (24 + RELAY_REMIND_HOURS) * 3_600_000).toISOString();
  const rows = await selectTasks(trx)
    .where((eb) => relayerScope(eb, access, own))
    .where('relay_task.reported_at', 'is', null)
    .where('relay_task.deadline_at', '<=', horizon)
    .orderBy('relay_task.deadline_at')
    .orderBy('relay_task.id')
    .limit(LIMIT)
    .execute();
  return rows.map(
    (t): TodoItem => ({
      kind: 'relay-due',
      title: `转发权威信息：${t.release_title}`,
      detail: `${t.target_name}，转发时限 ${beijing(t.deadline_at)}（逾期仍可报告，将标记为逾期）`,
      href: '/governance/tasks',
      due: beijing(t.deadline_at).slice(0, 10),
      orgId: t.org_id,
    }),
  );
};
