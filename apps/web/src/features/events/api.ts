import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddParticipantBody,
  CheckInCodeResponse,
  CheckInResponse,
  CreateEventBody,
  EventDetail,
  EventSummary,
  RegisterBody,
  RegistrationDto,
} from '@tongxin/contracts';
import { api } from '../../lib/api';

export type EventWhen = 'upcoming' | 'past' | 'all';

export const eventKeys = {
  all: ['events'] as const,
  list: (when: EventWhen, page: number) => ['events', 'list', when, page] as const,
  detail: (id: string) => ['events', id] as const,
  code: (id: string) => ['events', id, 'code'] as const,
};

export function useEvents(when: EventWhen, page: number, pageSize = 20) {
  return useQuery({
    queryKey: eventKeys.list(when, page),
    queryFn: () => api<{ items: EventSummary[]; total: number }>('/api/events', { query: { when, page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: eventKeys.detail(id), queryFn: () => api<EventDetail>(`/api/events/${id}`) });
}

/** The caller's check-in code: fetched again before it expires (the server signs a fresh one each time). */
export function useCheckInCode(id: string, enabled: boolean) {
  return useQuery({
    queryKey: eventKeys.code(id),
    queryFn: () => api<CheckInCodeResponse>(`/api/events/${id}/check-in-code`),
    enabled,
    refetchInterval: 4 * 60_000,
    retry: false,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: eventKeys.all });
}

export function useCreateEvent() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateEventBody) => api<{ id: string }>('/api/events', { method: 'POST', body }),
    onSuccess: done,
  });
}

export function useRegister(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: RegisterBody) => api<RegistrationDto>(`/api/events/${id}/registrations`, { method: 'POST', body }),
    onSuccess: done,
  });
}

export function useCancelRegistration(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (registrationId: string) => api(`/api/events/${id}/registrations/${registrationId}/cancel`, { method: 'POST' }),
    onSuccess: done,
  });
}

export function useAddParticipant(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: AddParticipantBody) => api<RegistrationDto>(`/api/events/${id}/participants`, { method: 'POST', body }),
    onSuccess: done,
  });
}

export function useTickIn(id: string) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (registrationId: string) =>
      api<CheckInResponse>(`/api/events/${id}/registrations/${registrationId}/check-in`, { method: 'POST' }),
    onSuccess: done,
  });
}

export function useCheckInByCode() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (code: string) => api<CheckInResponse>('/api/events/check-in', { method: 'POST', body: { code } }),
    onSuccess: done,
  });
}
