import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Coverage,
  CreateEnterpriseBody,
  EnterpriseDetail,
  EnterpriseList,
  InstructorLogBody,
  InstructorWork,
  UpdateEnterpriseBody,
} from '@tongxin/contracts';
import type { CoverageKind, OperatingStatus } from '@tongxin/contracts/labels';
import { api } from '../../lib/api';

export interface EnterpriseFilter {
  q?: string | undefined;
  orgId?: string | undefined;
  coverage?: CoverageKind | undefined;
  operatingStatus?: OperatingStatus | undefined;
  inScope?: 'true' | 'false' | undefined;
  archived?: 'true' | undefined;
  page: number;
  pageSize: number;
}

export const enterpriseKeys = {
  all: ['enterprises'] as const,
  list: (f: EnterpriseFilter) => ['enterprises', 'list', f] as const,
  detail: (id: string) => ['enterprises', id] as const,
  coverage: (orgId: string | undefined) => ['enterprises', 'coverage', orgId ?? ''] as const,
  work: (q: object) => ['enterprises', 'instructor-work', q] as const,
  candidates: (role: string, q: string) => ['enterprise-candidates', role, q] as const,
};

export function useEnterprises(filter: EnterpriseFilter) {
  return useQuery({
    queryKey: enterpriseKeys.list(filter),
    queryFn: () => api<EnterpriseList>('/api/enterprises', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id),
    queryFn: () => api<EnterpriseDetail>(`/api/enterprises/${id}`),
    retry: false,
  });
}

export function useCoverage(orgId: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.coverage(orgId),
    queryFn: () => api<Coverage>('/api/enterprises/coverage', { query: { orgId } }),
    placeholderData: keepPreviousData,
  });
}

export function useInstructorWork(query: { instructorId?: string; overdueOnly?: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: enterpriseKeys.work(query),
    queryFn: () =>
      api<InstructorWork>('/api/instructor-work', {
        query: { ...query, overdueOnly: query.overdueOnly ? 'true' : undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

/** Accounts with the instructor or enterprise-contact role the user may pick (names only). */
export function useCandidates(role: 'instructor' | 'enterprise_contact', q: string, enabled: boolean) {
  return useQuery({
    queryKey: enterpriseKeys.candidates(role, q),
    queryFn: () =>
      api<{ items: { id: string; username: string; displayName: string }[] }>('/api/enterprises/candidates', {
        query: { role, q: q || undefined },
      }).then((r) => r.items),
    enabled,
    staleTime: 10_000,
  });
}

export const enterpriseApi = {
  create: (body: CreateEnterpriseBody) => api<{ id: string }>('/api/enterprises', { method: 'POST', body }),
  update: (id: string, body: UpdateEnterpriseBody) => api<{ ok: true }>(`/api/enterprises/${id}`, { method: 'PUT', body }),
  archive: (id: string, reason: string) =>
    api<{ ok: true }>(`/api/enterprises/${id}/archive`, { method: 'POST', body: { reason } }),
  addContact: (id: string, userId: string) =>
    api<{ ok: true }>(`/api/enterprises/${id}/contacts`, { method: 'POST', body: { userId } }),
  removeContact: (id: string, userId: string) =>
    api<{ ok: true }>(`/api/enterprises/${id}/contacts/${userId}`, { method: 'DELETE' }),
  assign: (id: string, body: { instructorId: string; startsOn: string; endsOn?: string | null; note?: string | null }) =>
    api<{ id: string }>(`/api/enterprises/${id}/assignments`, { method: 'POST', body }),
  endAssignment: (assignmentId: string, endsOn: string) =>
    api<{ ok: true }>(`/api/instructor-assignments/${assignmentId}/end`, { method: 'POST', body: { endsOn } }),
  log: (id: string, body: InstructorLogBody) => api<{ id: string }>(`/api/enterprises/${id}/logs`, { method: 'POST', body }),
};

export function useInvalidateEnterprises() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
}
