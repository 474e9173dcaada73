import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../platform/db/types.js';
import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { todoRequests } from './service-list.repository.js';
import { handlerScope, mayRaiseAnywhere, requesterScope } from './service-scope.js';

const LIMIT = 50;

/**
 * Service liaison to-dos (待办):
 * - a handler: requests assigned to them still to answer, and unassigned requests of their committees — the
 *   overdue first (one indexed query over the handling scope);
 * - the enterprise's side: answered requests waiting for its rating (one query).
 */
export const serviceRequestTodos: TodoSource = async ({ trx, access, userId, today }) => {
  const items: TodoItem[] = [];
  if (access.holdsAnywhere('service.handle')) {
    const rows = await todoRequests(
      trx,
      (eb) =>
        eb.and([
          handlerScope(access),
          eb.or([
            eb('service_request.status', '=', 'open'),
            eb.and([eb('service_request.status', '=', 'in_progress'), eb('service_request.assignee_id', '=', userId)]),
          ]),
        ]),
      'due',
      LIMIT,
    );
    for (const r of rows) {
      const overdue = r.dueOn < today;
      const mine = r.status === 'in_progress';
      items.push({
        kind: overdue ? 'service-overdue' : mine ? 'service-assigned' : 'service-unassigned',
        title: `${mine ? '办理' : '指派'}企业诉求：${r.title}`,
        detail: `${r.enterpriseName}${overdue ? `，已逾期（应于 ${r.dueOn} 前答复）` : `，应于 ${r.dueOn} 前答复`}`,
        href: `/services/${r.id}`,
        due: r.dueOn,
        orgId: r.orgId,
      });
    }
  }
  if (mayRaiseAnywhere(access)) {
    const rows = await todoRequests(
      trx,
      (eb) =>
        eb.and([
          requesterScope(eb as unknown as ExpressionBuilder<DB, 'service_request'>, access),
          eb('service_request.status', '=', 'answered'),
        ]),
      'answered',
      LIMIT,
    );
    for (const r of rows) {
      items.push({
        kind: 'service-rate',
        title: `诉求已答复，请评价：${r.title}`,
        detail: `${r.enterpriseName}：满意请评价办结，不满意可申请重新办理`,
        href: `/services/${r.id}`,
        ...(r.coveringOrgId ? { orgId: r.coveringOrgId } : {}),
      });
    }
  }
  return items.slice(0, LIMIT);
};
