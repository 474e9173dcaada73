import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AppraisalDetail,
  AppraisalEntry,
  AppraisalListResponse,
  OpenAppraisalBody,
  UpdateEntryBody,
} from '@tongxin/contracts';
import { api } from '../../lib/api';
import { todoKeys } from '../todos/api';

export type AppraisalPage = AppraisalListResponse;
export interface AppraisalFilter {
  year?: number | undefined;
  status?: 'open' | 'closed' | undefined;
  page: number;
  pageSize: number;
}

export const appraisalKeys = {
  all: ['appraisals'] as const,
  list: (f: AppraisalFilter) => ['appraisals', 'list', f] as const,
  detail: (id: string) => ['appraisals', id] as const,
};

export function useAppraisals(filter: AppraisalFilter) {
  return useQuery({
    queryKey: appraisalKeys.list(filter),
    queryFn: () => api<AppraisalPage>('/api/appraisals', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useAppraisal(id: string) {
  return useQuery({ queryKey: appraisalKeys.detail(id), queryFn: () => api<AppraisalDetail>(`/api/appraisals/${id}`) });
}

export const appraisalApi = {
  open: (body: OpenAppraisalBody) => api<{ id: string }>('/api/appraisals', { method: 'POST', body }),
  update: (id: string, entryId: string, body: UpdateEntryBody) =>
    api<AppraisalEntry>(`/api/appraisals/${id}/entries/${entryId}`, { method: 'PUT', body }),
  close: (id: string) => api<{ ok: true }>(`/api/appraisals/${id}/close`, { method: 'POST' }),
  refresh: (id: string) => api<{ added: number; removed: number }>(`/api/appraisals/${id}/refresh`, { method: 'POST' }),
};

/** An appraisal changed: its page, the list and the to-do list (an open appraisal is a to-do). */
export function useInvalidateAppraisals() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: appraisalKeys.all }),
      queryClient.invalidateQueries({ queryKey: todoKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
    ]);
}
