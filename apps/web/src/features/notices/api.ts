import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NoticeDetail, NoticeListResponse, NoticeReceipts, NoticeTargetResponse, SendNoticeBody } from '@tongxin/contracts';
import type { NoticeBox } from '@tongxin/contracts/labels';
import { api } from '../../lib/api';
import { todoKeys } from '../todos/api';

export type NoticePage = NoticeListResponse;

export interface NoticeFilter {
  box: NoticeBox;
  unread?: boolean;
  page: number;
  pageSize: number;
}

export interface ReceiptFilter {
  view: 'orgs' | 'people';
  unread: boolean;
  page: number;
  pageSize: number;
}

export const noticeKeys = {
  all: ['notices'] as const,
  list: (f: NoticeFilter) => ['notices', 'list', f] as const,
  detail: (id: string) => ['notices', id] as const,
  receipts: (id: string, f: ReceiptFilter) => ['notices', id, 'receipts', f] as const,
  targets: (senderOrgId: string, q: string) => ['notice-targets', senderOrgId, q] as const,
};

export function useNotices(filter: NoticeFilter, enabled = true) {
  return useQuery({
    queryKey: noticeKeys.list(filter),
    queryFn: () => api<NoticePage>('/api/notices', { query: { ...filter, unread: filter.unread ? 'true' : undefined } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Opening a notice records the read receipt: the inbox and the to-do list change with it. */
export function useNotice(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: noticeKeys.detail(id),
    queryFn: async () => {
      const detail = await api<NoticeDetail>(`/api/notices/${id}`);
      void queryClient.invalidateQueries({ queryKey: ['notices', 'list'] });
      void queryClient.invalidateQueries({ queryKey: todoKeys.all });
      return detail;
    },
  });
}

export function useReceipts(id: string, filter: ReceiptFilter, enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.receipts(id, filter),
    queryFn: () =>
      api<NoticeReceipts>(`/api/notices/${id}/receipts`, {
        query: { ...filter, unread: filter.unread ? 'true' : undefined },
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type NoticeTarget = NoticeTargetResponse['items'][number];
export function useNoticeTargets(senderOrgId: string | null, q: string) {
  return useQuery({
    queryKey: noticeKeys.targets(senderOrgId ?? '', q),
    queryFn: () =>
      api<NoticeTargetResponse>('/api/notices/targets', { query: { senderOrgId, q: q || undefined } }).then((r) => r.items),
    enabled: senderOrgId !== null,
    staleTime: 30_000,
  });
}

export const noticeApi = {
  send: (body: SendNoticeBody) => api<{ id: string }>('/api/notices', { method: 'POST', body }),
};
