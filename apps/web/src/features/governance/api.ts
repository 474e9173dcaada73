import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  GovernanceOwners,
  HotEvent,
  MediaAccount,
  PledgeDetail,
  PledgeSignaturesResponse,
  PledgeSummary,
  Rebuttal,
  RelayTargets,
  RelayTask,
  ReleaseDetail,
  RumourReport,
} from '@tongxin/contracts';
import { api } from '../../lib/api';

type Query = Record<string, string | number | undefined>;
const post = <T = { ok: true }>(path: string, body: unknown, method: 'POST' | 'PUT' = 'POST') => api<T>(path, { method, body });

export const governanceKeys = { all: ['governance'] as const };

export const usePledges = () =>
  useQuery({ queryKey: ['governance', 'pledges'], queryFn: () => api<{ items: PledgeSummary[] }>('/api/governance/pledges') });
export const usePledge = (id: string) =>
  useQuery({
    queryKey: ['governance', 'pledge', id],
    queryFn: () => api<PledgeDetail>(`/api/governance/pledges/${id}`),
    retry: false,
  });
export const usePledgeSignatures = (id: string, query: Query, enabled: boolean) =>
  useQuery({
    queryKey: ['governance', 'signatures', id, query],
    queryFn: () => api<PledgeSignaturesResponse>(`/api/governance/pledges/${id}/signatures`, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useMediaAccounts = (query: Query) =>
  useQuery({
    queryKey: ['governance', 'media', query],
    queryFn: () => api<{ items: MediaAccount[]; total: number; canCreate: boolean }>('/api/governance/media-accounts', { query }),
    placeholderData: keepPreviousData,
  });
export const useOwners = () =>
  useQuery({
    queryKey: ['governance', 'owners'],
    queryFn: () => api<GovernanceOwners>('/api/governance/owners'),
    staleTime: 60_000,
  });
export const useHotEvents = (enabled: boolean) =>
  useQuery({
    queryKey: ['governance', 'events'],
    queryFn: () => api<{ items: HotEvent[]; canCreate: boolean }>('/api/governance/events'),
    enabled,
  });
export const useRelayTargets = (eventId: string | null) =>
  useQuery({
    queryKey: ['governance', 'targets', eventId],
    queryFn: () => api<RelayTargets>(`/api/governance/events/${eventId}/targets`),
    enabled: eventId !== null,
  });
export const useRelease = (id: string) =>
  useQuery({
    queryKey: ['governance', 'release', id],
    queryFn: () => api<ReleaseDetail>(`/api/governance/releases/${id}`),
    retry: false,
  });
export const useRelayTasks = (state: 'todo' | 'all') =>
  useQuery({
    queryKey: ['governance', 'tasks', state],
    queryFn: () => api<{ items: RelayTask[] }>('/api/governance/relay-tasks', { query: { state } }),
  });
export const useRebuttals = (q: string, page: number) =>
  useQuery({
    queryKey: ['governance', 'rebuttals', q, page],
    queryFn: () =>
      api<{ items: Rebuttal[]; total: number; canCreate: boolean }>('/api/governance/rebuttals', {
        query: { q, page, pageSize: 10 },
      }),
    placeholderData: keepPreviousData,
  });
export const useRumourReports = (view: 'mine' | 'queue', enabled = true) =>
  useQuery({
    queryKey: ['governance', 'rumours', view],
    queryFn: () => api<{ items: RumourReport[]; canAnswer: boolean }>('/api/governance/rumour-reports', { query: { view } }),
    enabled,
  });

/** One mutation hook for every governance write: refreshes all governance queries (and the to-dos) after it. */
export function useGovernanceAction<I, O = unknown>(send: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: governanceKeys.all });
      void qc.invalidateQueries({ queryKey: ['todos'] });
    },
  });
}

export const governanceApi = {
  signPledge: (id: string, enterpriseId: string) =>
    post<{ version: number }>(`/api/governance/pledges/${id}/sign`, { enterpriseId }),
  revisePledge: (id: string, body: unknown) => post<{ version: number }>(`/api/governance/pledges/${id}/versions`, body),
  createPledge: (body: unknown) => post<{ id: string }>('/api/governance/pledges', body),
  createAccount: (body: unknown) => post<{ id: string }>('/api/governance/media-accounts', body),
  updateAccount: (id: string, body: unknown) => post(`/api/governance/media-accounts/${id}`, body, 'PUT'),
  createEvent: (body: unknown) => post<{ id: string }>('/api/governance/events', body),
  publishRelease: (eventId: string, body: unknown) => post<{ id: string }>(`/api/governance/events/${eventId}/releases`, body),
  reportRelay: (id: string, body: unknown) => post<{ late: boolean }>(`/api/governance/relay-tasks/${id}/report`, body),
  submitRumour: (body: unknown) => post<{ id: string }>('/api/governance/rumour-reports', body),
  answerRumour: (id: string, body: unknown) => post(`/api/governance/rumour-reports/${id}/answer`, body),
  createRebuttal: (body: unknown) => post<{ id: string }>('/api/governance/rebuttals', body),
};
