import { SERVICE_CATEGORY_GROUP, type ServiceRequestSummary, serviceOverdue } from '@tongxin/contracts';
import type { ListedServiceRequest } from './service-list.repository.js';

export function presentServiceRequest(r: ListedServiceRequest, today: string): ServiceRequestSummary {
  return {
    id: r.id,
    enterprise: { id: r.enterprise_id, name: r.enterprise_name },
    org: { id: r.org_id, name: r.org_name },
    category: r.category,
    group: SERVICE_CATEGORY_GROUP[r.category],
    title: r.title,
    status: r.status,
    raisedAt: r.raised_at,
    raisedOn: r.raised_on,
    raisedByName: r.raised_by_name,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? '' } : null,
    dueOn: r.due_on,
    overdue: serviceOverdue({ status: r.status, dueOn: r.due_on }, today),
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
    rating: r.rating,
    lastActivityAt: r.last_activity_at,
  };
}
