import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  RaiseServiceRequestBody,
  ServiceAssignee,
  ServiceEnterpriseChoice,
  ServiceListResponse,
  ServiceQueueResponse,
  ServiceRequestDetail,
} from '@tongxin/contracts';
import type { ServiceCategory, ServiceStatus, ServiceView } from '@tongxin/contracts/labels';
import { api } from '../../lib/api';

export interface ServiceFilter {
  status?: ServiceStatus | undefined;
  category?: ServiceCategory | undefined;
  enterpriseId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}
export type ServicePage = ServiceListResponse;

export const serviceKeys = {
  all: ['services'] as const,
  queue: (view: ServiceView, f: ServiceFilter) => ['services', 'queue', view, f] as const,
  raised: (f: ServiceFilter) => ['services', 'raised', f] as const,
  detail: (id: string) => ['services', 'detail', id] as const,
  assignees: (id: string) => ['services', 'assignees', id] as const,
  enterprises: ['services', 'enterprises'] as const,
};

export function useServiceQueue(view: ServiceView, filter: ServiceFilter, enabled = true) {
  return useQuery({
    queryKey: serviceKeys.queue(view, filter),
    queryFn: () => api<ServiceQueueResponse>('/api/service-requests', { query: { view, ...filter } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRaisedRequests(filter: ServiceFilter, enabled = true) {
  return useQuery({
    queryKey: serviceKeys.raised(filter),
    queryFn: () => api<ServicePage>('/api/service-requests/raised', { query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useServiceRequest(id: string) {
  return useQuery({
    queryKey: serviceKeys.detail(id),
    queryFn: () => api<ServiceRequestDetail>(`/api/service-requests/${id}`),
    retry: false,
  });
}

export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: serviceKeys.assignees(id),
    queryFn: () => api<{ items: ServiceAssignee[] }>(`/api/service-requests/${id}/assignees`).then((r) => r.items),
    enabled,
    staleTime: 60_000,
  });
}

export function useServiceEnterprises() {
  return useQuery({
    queryKey: serviceKeys.enterprises,
    queryFn: () => api<{ items: ServiceEnterpriseChoice[] }>('/api/service-requests/enterprises').then((r) => r.items),
    staleTime: 60_000,
  });
}

const post = <T = { ok: true }>(path: string, body: unknown) => api<T>(path, { method: 'POST', body });
export const serviceApi = {
  raise: (body: RaiseServiceRequestBody) => post<{ id: string }>('/api/service-requests', body),
  assign: (id: string, assigneeId: string, note: string | null) =>
    post(`/api/service-requests/${id}/assign`, { assigneeId, note }),
  answer: (id: string, body: string, attachmentIds: string[]) =>
    post(`/api/service-requests/${id}/answer`, { body, attachmentIds }),
  reopen: (id: string, reason: string) => post(`/api/service-requests/${id}/reopen`, { reason }),
  close: (id: string, rating: number, comment: string | null) => post(`/api/service-requests/${id}/close`, { rating, comment }),
  withdraw: (id: string, reason: string) => post(`/api/service-requests/${id}/withdraw`, { reason }),
  message: (id: string, body: string, attachmentIds: string[]) =>
    post<{ id: string }>(`/api/service-requests/${id}/messages`, { body, attachmentIds }),
};

export function useInvalidateServices() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: serviceKeys.all });
}
