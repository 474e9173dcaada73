import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DuesMember,
  DuesReductionListResponse,
  DuesSheet,
  RecordDuesPaymentsBody,
  RecordDuesPaymentsResponse,
  RequestDuesReductionBody,
  SetDuesProfileBody,
} from '@tongxin/contracts';
import { api, withQuery } from '../../lib/api';

export const duesKeys = {
  all: ['dues'] as const,
  sheet: (orgId: string, month: string) => ['dues', 'sheet', orgId, month] as const,
  member: (id: string) => ['dues', 'member', id] as const,
  reductions: (orgId: string) => ['dues', 'reductions', orgId] as const,
};

export function useDuesSheet(orgId: string | null, month: string) {
  return useQuery({
    queryKey: duesKeys.sheet(orgId ?? '', month),
    queryFn: () => api<DuesSheet>('/api/dues/sheet', { query: { orgId, month } }),
    enabled: orgId !== null,
  });
}

export function useDuesMember(id: string | null) {
  return useQuery({
    queryKey: duesKeys.member(id ?? ''),
    queryFn: () => api<DuesMember>(`/api/dues/members/${id}`),
    enabled: id !== null,
  });
}

export function useDuesReductions(orgId: string | null) {
  return useQuery({
    queryKey: duesKeys.reductions(orgId ?? ''),
    queryFn: () => api<DuesReductionListResponse>('/api/dues/reductions', { query: { orgId } }).then((r) => r.items),
    enabled: orgId !== null,
  });
}

/** After any change the sheet, the member's record and the reductions are read again. */
export function useInvalidateDues() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: duesKeys.all });
}

export const exportHref = (orgId: string, month: string) => withQuery('/api/dues/sheet/export', { orgId, month });

export const duesApi = {
  record: (body: RecordDuesPaymentsBody) => api<RecordDuesPaymentsResponse>('/api/dues/payments', { method: 'POST', body }),
  revoke: (id: string, reason: string) => api(`/api/dues/payments/${id}/revoke`, { method: 'POST', body: { reason } }),
  setProfile: (memberId: string, body: SetDuesProfileBody) =>
    api<{ monthlyFen: number }>(`/api/dues/members/${memberId}/profile`, { method: 'PUT', body }),
  requestReduction: (body: RequestDuesReductionBody) => api<{ id: string }>('/api/dues/reductions', { method: 'POST', body }),
  decide: (id: string, decision: 'approved' | 'rejected', note: string | null) =>
    api(`/api/dues/reductions/${id}/decide`, { method: 'POST', body: { decision, note } }),
};
