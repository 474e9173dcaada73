import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateTransferBody,
  MemberListResponse,
  TransferDestination,
  TransferDetail,
  TransferListResponse,
} from '@tongxin/contracts';
import type { TransferBox, TransferStatus } from '@tongxin/contracts/labels';
import { api } from '../../lib/api';

export interface TransferFilter {
  box: TransferBox;
  status?: TransferStatus | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export type TransferPage = TransferListResponse;

export const transferKeys = {
  all: ['transfers'] as const,
  list: (f: TransferFilter) => ['transfers', 'list', f] as const,
  count: (box: TransferBox) => ['transfers', 'count', box] as const,
  detail: (id: string) => ['transfers', id] as const,
  destinations: (q: string) => ['transfer-destinations', q] as const,
  members: (q: string) => ['transfer-members', q] as const,
};

export function useTransfers(filter: TransferFilter) {
  return useQuery({
    queryKey: transferKeys.list(filter),
    queryFn: () => api<TransferPage>('/api/transfers', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

/** The number of pending transfers in a box (the tab badges): one row fetched, the total read. */
export function usePendingCount(box: TransferBox) {
  return useQuery({
    queryKey: transferKeys.count(box),
    queryFn: () => api<TransferPage>('/api/transfers', { query: { box, status: 'pending', pageSize: 1 } }).then((r) => r.total),
  });
}

export function useTransfer(id: string | null) {
  return useQuery({
    queryKey: transferKeys.detail(id ?? ''),
    queryFn: () => api<TransferDetail>(`/api/transfers/${id}`),
    enabled: id !== null,
  });
}

/** The destination directory (names only), for the 接收党组织 picker. */
export function useDestinations(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: transferKeys.destinations(trimmed),
    queryFn: () =>
      api<{ items: TransferDestination[] }>('/api/transfers/destinations', { query: { q: trimmed } }).then((r) => r.items),
    enabled: trimmed.length > 0,
    staleTime: 30_000,
  });
}

/** Members in the user's own scope, by name, pinyin initials or ID number, for the 党员 picker. */
export function useMemberSearch(q: string) {
  const trimmed = q.trim();
  return useQuery({
    queryKey: transferKeys.members(trimmed),
    queryFn: () => api<MemberListResponse>('/api/members', { query: { q: trimmed, pageSize: 20 } }).then((r) => r.items),
    enabled: trimmed.length > 0,
    staleTime: 10_000,
  });
}

export const transferApi = {
  create: (body: CreateTransferBody) => api<{ id: string }>('/api/transfers', { method: 'POST', body }),
  accept: (id: string) => api<{ memberId: string }>(`/api/transfers/${id}/accept`, { method: 'POST' }),
  reject: (id: string, reason: string) => api<{ ok: true }>(`/api/transfers/${id}/reject`, { method: 'POST', body: { reason } }),
  cancel: (id: string, reason: string) => api<{ ok: true }>(`/api/transfers/${id}/cancel`, { method: 'POST', body: { reason } }),
  receipt: (id: string, receivedOn: string) =>
    api<{ ok: true }>(`/api/transfers/${id}/receipt`, { method: 'POST', body: { receivedOn } }),
};

/** A transfer decided moves members too: the ledger's cached lists and records are stale as well. */
export function useInvalidateTransfers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: transferKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
    ]);
}
