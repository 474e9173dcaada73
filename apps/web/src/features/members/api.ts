import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateMemberBody, MemberDetail, MemberSummary, UpdateMemberBody } from '@tongxin/contracts';
import type { ArchiveReason } from '@tongxin/contracts/labels';
import { api } from '../../lib/api';
import type { MemberFilter } from './filters';

export interface MemberPage {
  items: MemberSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TimelineEntry {
  id: string;
  at: string;
  action: string;
  actorName: string | null;
  reason: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

export const memberKeys = {
  all: ['members'] as const,
  list: (filter: MemberFilter) => ['members', 'list', filter] as const,
  detail: (id: string) => ['members', id, 'detail'] as const,
  timeline: (id: string) => ['members', id, 'timeline'] as const,
};

export function useMembers(filter: MemberFilter) {
  return useQuery({
    queryKey: memberKeys.list(filter),
    queryFn: () => api<MemberPage>('/api/members', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string) {
  return useQuery({ queryKey: memberKeys.detail(id), queryFn: () => api<MemberDetail>(`/api/members/${id}`) });
}

export function useMemberTimeline(id: string) {
  return useQuery({
    queryKey: memberKeys.timeline(id),
    queryFn: () => api<{ items: TimelineEntry[] }>(`/api/members/${id}/timeline`).then((r) => r.items),
  });
}

export interface ArchiveBody {
  reason: ArchiveReason;
  on: string;
  note?: string;
}

/**
 * Writes. The reveal answer is handed straight to the caller and never enters the query cache (DP-09): the
 * modal keeps it in component state and drops it on close.
 */
export const memberApi = {
  create: (body: CreateMemberBody) => api<{ id: string }>('/api/members', { method: 'POST', body }),
  update: (id: string, body: UpdateMemberBody) => api<{ ok: true }>(`/api/members/${id}`, { method: 'PUT', body }),
  archive: (id: string, body: ArchiveBody) => api<{ ok: true }>(`/api/members/${id}/archive`, { method: 'POST', body }),
  reveal: (id: string, body: { password: string; reason: string }) =>
    api<{ idNumber: string; phone: string | null }>(`/api/members/${id}/reveal`, { method: 'POST', body }),
};

/** After a write every cached list, count and record of the ledger may be stale. */
export function useInvalidateMembers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: memberKeys.all });
}
