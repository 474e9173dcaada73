import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ArchiveMemberBody,
  CreateMemberBody,
  MemberDetail,
  MemberListResponse,
  MemberTimelineResponse,
  RevealMemberResponse,
  UpdateMemberBody,
} from '@tongxin/contracts';
import { api } from '../../lib/api';
import type { MemberFilter } from './filters';

export type MemberPage = MemberListResponse;

export type TimelineEntry = MemberTimelineResponse['items'][number];

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
    queryFn: () => api<MemberTimelineResponse>(`/api/members/${id}/timeline`).then((r) => r.items),
  });
}

export type ArchiveBody = ArchiveMemberBody;

/**
 * Writes. The reveal answer is handed straight to the caller and never enters the query cache (DP-09): the
 * modal keeps it in component state and drops it on close.
 */
export const memberApi = {
  create: (body: CreateMemberBody) => api<{ id: string }>('/api/members', { method: 'POST', body }),
  update: (id: string, body: UpdateMemberBody) => api<{ ok: true }>(`/api/members/${id}`, { method: 'PUT', body }),
  archive: (id: string, body: ArchiveBody) => api<{ ok: true }>(`/api/members/${id}/archive`, { method: 'POST', body }),
  reveal: (id: string, body: { password: string; reason: string }) =>
    api<RevealMemberResponse>(`/api/members/${id}/reveal`, { method: 'POST', body }),
};

/** After a write every cached list, count and record of the ledger may be stale. */
export function useInvalidateMembers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: memberKeys.all });
}
