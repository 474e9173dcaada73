import { useQuery } from '@tanstack/react-query';
import type { MyOverview, MyStudyHours, OrgStudyHours } from '@tongxin/contracts';
import { api } from '../../lib/api';

export function useMy() {
  return useQuery({ queryKey: ['my'], queryFn: () => api<MyOverview>('/api/my') });
}

export function useMyStudyHours(year?: number) {
  return useQuery({
    queryKey: ['my', 'study-hours', year],
    queryFn: () => api<MyStudyHours>('/api/my/study-hours', { query: { year } }),
  });
}

export function useOrgStudyHours(orgId: string | null, page: number, year?: number) {
  return useQuery({
    queryKey: ['study-hours', orgId, page, year],
    queryFn: () => api<OrgStudyHours>(`/api/orgs/${orgId}/study-hours`, { query: { page, year } }),
    enabled: !!orgId,
  });
}
