import { SERVICE_CATEGORY_GROUP, type ServiceRequestSummary, serviceOverdue } from '@tongxin/contracts';
import type { SelectQueryBuilder } from 'kysely';
import type { DB } from '../../platform/db/types.js';
import type { ServiceRequestRow } from './service-request.repository.js';

/** The request with its enterprise's and handling committee's names. */
export function selectServiceRequests<O>(qb: SelectQueryBuilder<DB, 'service_request', O>) {
  return qb
    .innerJoin('enterprise', 'enterprise.id', 'service_request.enterprise_id')
    .innerJoin('org', 'org.id', 'service_request.org_id')
    .selectAll('service_request')
    .select(['enterprise.name as enterprise_name', 'org.name as org_name']);
}

export type ServiceListRow = ServiceRequestRow & { enterprise_name: string; org_name: string };

export function presentServiceRequest(r: ServiceListRow, today: string): ServiceRequestSummary {
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
    rating: r.rating === null ? null : Number(r.rating),
    lastActivityAt: r.last_activity_at,
  };
}
