import type { TodoItem, TodoSource } from '../todos/todo-source.js';
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
    const rows = await trx
      .selectFrom('service_request')
      .innerJoin('enterprise', 'enterprise.id', 'service_request.enterprise_id')
      .select([
        'service_request.id',
        'service_request.title',
        'service_request.status',
        'service_request.due_on',
        'service_request.org_id',
        'enterprise.name as enterprise_name',
      ])
      .where(handlerScope(access))
      .where((eb) =>
        eb.or([
          eb('service_request.status', '=', 'open'),
          eb.and([eb('service_request.status', '=', 'in_progress'), eb('service_request.assignee_id', '=', userId)]),
        ]),
      )
      .orderBy('service_request.due_on')
      .orderBy('service_request.id')
      .limit(LIMIT)
      .execute();
    for (const r of rows) {
      const overdue = r.due_on < today;
      const mine = r.status === 'in_progress';
      items.push({
        kind: overdue ? 'service-overdue' : mine ? 'service-assigned' : 'service-unassigned',
        title: `${mine ? '办理' : '指派'}企业诉求：${r.title}`,
        detail: `${r.enterprise_name}${overdue ? `，已逾期（应于 ${r.due_on} 前答复）` : `，应于 ${r.due_on} 前答复`}`,
        href: `/services/${r.id}`,
        due: r.due_on,
        orgId: r.org_id,
      });
    }
  }
  if (mayRaiseAnywhere(access)) {
    const rows = await trx
      .selectFrom('service_request')
      .innerJoin('enterprise', 'enterprise.id', 'service_request.enterprise_id')
      .select([
        'service_request.id',
        'service_request.title',
        'service_request.covering_org_id',
        'enterprise.name as enterprise_name',
      ])
      .where((eb) => requesterScope(eb, access))
      .where('service_request.status', '=', 'answered')
      .orderBy('service_request.answered_at')
      .orderBy('service_request.id')
      .limit(LIMIT)
      .execute();
    for (const r of rows) {
      items.push({
        kind: 'service-rate',
        title: `诉求已答复，请评价：${r.title}`,
        detail: `${r.enterprise_name}：满意请评价办结，不满意可申请重新办理`,
        href: `/services/${r.id}`,
        ...(r.covering_org_id ? { orgId: r.covering_org_id } : {}),
      });
    }
  }
  return items.slice(0, LIMIT);
};
