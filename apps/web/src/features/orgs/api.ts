import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommitteeBody,
  CreateOrgBody,
  OrgDetail,
  OrgHistoryResponse,
  OrgListResponse,
  OrgSearchResponse,
  TermReminderResponse,
} from '@tongxin/contracts';
import { api } from '../../lib/api';

export type OrgSearchHit = OrgSearchResponse['items'][number];
export type OrgHistoryItem = OrgHistoryResponse['items'][number];
export type TermReminder = TermReminderResponse['items'][number];

export const orgKeys = {
  all: ['orgs'] as const,
  roots: ['orgs', 'roots'] as const,
  children: (id: string) => ['orgs', id, 'children'] as const,
  detail: (id: string) => ['orgs', id, 'detail'] as const,
  history: (id: string) => ['orgs', id, 'history'] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
  reminders: ['orgs', 'term-reminders'] as const,
};

export const fetchRoots = () => api<OrgListResponse>('/api/orgs/roots').then((r) => r.items);
export const fetchChildren = (id: string) => api<OrgListResponse>(`/api/orgs/${id}/children`).then((r) => r.items);

export function useOrgRoots(enabled = true) {
  return useQuery({ queryKey: orgKeys.roots, queryFn: fetchRoots, enabled });
}

export function useOrgChildren(id: string) {
  return useQuery({ queryKey: orgKeys.children(id), queryFn: () => fetchChildren(id) });
}

export function useOrg(id: string) {
  return useQuery({ queryKey: orgKeys.detail(id), queryFn: () => api<OrgDetail>(`/api/orgs/${id}`), enabled: id !== '' });
}

export function useOrgHistory(id: string) {
  return useQuery({
    queryKey: orgKeys.history(id),
    queryFn: () => api<OrgHistoryResponse>(`/api/orgs/${id}/history`).then((r) => r.items),
  });
}

export function useOrgSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: orgKeys.search(trimmed),
    queryFn: () => api<OrgSearchResponse>('/api/orgs/search', { query: { q: trimmed } }).then((r) => r.items),
    enabled: trimmed.length > 0,
    staleTime: 30_000,
  });
}

export function useTermReminders(enabled: boolean) {
  return useQuery({
    queryKey: orgKeys.reminders,
    queryFn: () => api<TermReminderResponse>('/api/orgs/term-reminders').then((r) => r.items),
    enabled,
  });
}

export type CreateOrgInput = CreateOrgBody;

export const orgApi = {
  create: (body: CreateOrgInput) => api<{ id: string }>('/api/orgs', { method: 'POST', body }),
  rename: (id: string, name: string) => api(`/api/orgs/${id}`, { method: 'PATCH', body: { name } }),
  move: (id: string, newParentId: string) => api(`/api/orgs/${id}/move`, { method: 'POST', body: { newParentId } }),
  merge: (id: string, intoOrgId: string, reason: string) =>
    api(`/api/orgs/${id}/merge`, { method: 'POST', body: { intoOrgId, reason } }),
  dissolve: (id: string, reason: string) => api(`/api/orgs/${id}/dissolve`, { method: 'POST', body: { reason } }),
  setCommittee: (id: string, body: CommitteeBody) => api(`/api/orgs/${id}/committee`, { method: 'PUT', body }),
};

/** After any change to the tree every cached org answer may be stale (names, counts, paths). */
export function useInvalidateOrgs() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: orgKeys.all });
}
