import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountListResponse, AccountView, Reach, Role } from '@tongxin/contracts';
import { api } from '../../lib/api';

export interface AccountQuery {
  q: string;
  page: number;
  pageSize: number;
}

export function useAccounts(query: AccountQuery) {
  return useQuery({
    queryKey: ['accounts', query],
    queryFn: () => api<AccountListResponse>('/api/accounts', { query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateAccounts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['accounts'] });
}

const post = <T = { ok: true }>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });

export const accountApi = {
  create: (body: { username: string; displayName: string; homeOrgId: string | null }) =>
    post<{ account: AccountView; initialPassword: string }>('/api/accounts', body),
  disable: (id: string) => post(`/api/accounts/${id}/disable`),
  enable: (id: string) => post(`/api/accounts/${id}/enable`),
  unlock: (id: string) => post(`/api/accounts/${id}/unlock`),
  revokeSessions: (id: string) => post(`/api/accounts/${id}/revoke-sessions`),
  resetPassword: (id: string) => post<{ temporaryPassword: string }>(`/api/accounts/${id}/reset-password`),
  grant: (body: { userId: string; role: Role; orgId: string | null; reach: Reach }) => post<{ id: string }>('/api/grants', body),
  revokeGrant: (id: string) => api(`/api/grants/${id}`, { method: 'DELETE' }),
};
