import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ComplianceGapsResponse,
  ComplianceResponse,
  MeetingBody,
  MeetingDetail,
  MeetingKind,
  MeetingListResponse,
  MeetingRosterResponse,
  MeetingRulesResponse,
} from '@tongxin/contracts';
import { beijingDate } from '@tongxin/contracts/labels';
import { api } from '../../lib/api';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (q: object) => ['meetings', 'list', q] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  roster: (orgId: string, kind: string, date: string) => ['meetings', 'roster', orgId, kind, date] as const,
  compliance: (q: object) => ['meetings', 'compliance', q] as const,
  gaps: (q: object) => ['meetings', 'gaps', q] as const,
  rules: ['meetings', 'rules'] as const,
};

export interface ListQuery {
  orgId: string;
  kind?: MeetingKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function useMeetings(q: ListQuery | null) {
  return useQuery({
    queryKey: meetingKeys.list(q ?? {}),
    queryFn: () =>
      api<MeetingListResponse>('/api/meetings', {
        query: { ...q } as Record<string, string | number | undefined>,
      }),
    enabled: q !== null,
    placeholderData: (prev) => prev,
  });
}

export function useMeeting(id: string | null) {
  return useQuery({
    queryKey: meetingKeys.one(id ?? ''),
    queryFn: () => api<MeetingDetail>(`/api/meetings/${id}`),
    enabled: id !== null,
  });
}

export type Roster = MeetingRosterResponse;

export function useRoster(orgId: string | null, kind: MeetingKind | undefined, date: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.roster(orgId ?? '', kind ?? '', date ?? ''),
    queryFn: () => api<Roster>('/api/meetings/roster', { query: { orgId, kind, date } }),
    enabled: enabled && orgId !== null && kind !== undefined,
  });
}

export function useCompliance(
  q: { orgId: string; year: number; kind: MeetingKind; gapsOnly: boolean; page: number; pageSize: number } | null,
) {
  return useQuery({
    queryKey: meetingKeys.compliance(q ?? {}),
    queryFn: () => api<ComplianceResponse>('/api/meetings/compliance', { query: { ...q!, gapsOnly: String(q!.gapsOnly) } }),
    enabled: q !== null,
    placeholderData: (prev) => prev,
  });
}

export type Gap = ComplianceGapsResponse['items'][number];

export function useGaps(q: { orgId: string; year: number; page: number; pageSize: number } | null) {
  return useQuery({
    queryKey: meetingKeys.gaps(q ?? {}),
    queryFn: () => api<ComplianceGapsResponse>('/api/meetings/compliance/gaps', { query: { ...q! } }),
    enabled: q !== null,
    placeholderData: (prev) => prev,
  });
}

export type Rules = MeetingRulesResponse;

export function useRules() {
  return useQuery({ queryKey: meetingKeys.rules, queryFn: () => api<Rules>('/api/meetings/rules') });
}

export function useInvalidateMeetings() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meetingKeys.all });
}

export const meetingApi = {
  create: (body: MeetingBody) => api<{ id: string }>('/api/meetings', { method: 'POST', body }),
  update: (id: string, body: MeetingBody) => api<{ id: string }>(`/api/meetings/${id}`, { method: 'PUT', body }),
  cancel: (id: string, reason: string) => api(`/api/meetings/${id}/cancel`, { method: 'POST', body: { reason } }),
  setRule: (body: { kind: MeetingKind; fromYear: number; frequency: string }) =>
    api('/api/meetings/rules', { method: 'PUT', body }),
};

/** Today's Beijing date, YYYY-MM-DD. */
export function beijingToday(): string {
  return beijingDate(Date.now());
}
