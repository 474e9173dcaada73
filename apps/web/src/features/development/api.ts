import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDevelopmentBody,
  CreateDevelopmentNoticeBody,
  DevelopmentBoardResponse,
  DevelopmentDeadlinesResponse,
  DevelopmentDetail,
  DevelopmentNoticeView,
  DevelopmentObjectionBody,
  DevelopmentPlanResponse,
  DevelopmentPlanRow,
  ExtendProbationBody,
  RecordStepBody,
  RevealMemberBody,
  RevealMemberResponse,
  SetDevelopmentPlanBody,
  TalentResponse,
  TalentRow,
} from '@tongxin/contracts';
import { api } from '../../lib/api';

export type Board = DevelopmentBoardResponse;
export type NoticeView = DevelopmentNoticeView;
export type PlanRow = DevelopmentPlanRow;
export type { TalentRow };
export type TalentSubject = TalentRow['subject'];

export const developmentKeys = {
  all: ['development'] as const,
  board: (orgId: string) => ['development', 'board', orgId] as const,
  deadlines: (orgId: string) => ['development', 'deadlines', orgId] as const,
  notices: (orgId: string, state: string) => ['development', 'notices', orgId, state] as const,
  plans: (orgId: string, year: number) => ['development', 'plans', orgId, year] as const,
  talents: (orgId: string) => ['development', 'talents', orgId] as const,
  person: (id: string) => ['development', 'person', id] as const,
};

export const useBoard = (orgId: string | null) =>
  useQuery({
    queryKey: developmentKeys.board(orgId ?? ''),
    queryFn: () => api<Board>('/api/development/board', { query: { orgId } }),
    enabled: orgId !== null,
  });
export const useDeadlines = (orgId: string | null) =>
  useQuery({
    queryKey: developmentKeys.deadlines(orgId ?? ''),
    queryFn: () => api<DevelopmentDeadlinesResponse>('/api/development/deadlines', { query: { orgId } }),
    enabled: orgId !== null,
  });
export const useNotices = (orgId: string | null, state: 'current' | 'all') =>
  useQuery({
    queryKey: developmentKeys.notices(orgId ?? '', state),
    queryFn: () => api<{ items: NoticeView[] }>('/api/development/notices', { query: { orgId, state } }).then((r) => r.items),
    enabled: orgId !== null,
  });
export const usePlans = (orgId: string | null, year: number) =>
  useQuery({
    queryKey: developmentKeys.plans(orgId ?? '', year),
    queryFn: () => api<DevelopmentPlanResponse>('/api/development/plans', { query: { orgId, year } }),
    enabled: orgId !== null,
  });
export const useTalents = (orgId: string | null) =>
  useQuery({
    queryKey: developmentKeys.talents(orgId ?? ''),
    queryFn: () => api<TalentResponse>('/api/development/talents', { query: { orgId } }),
    enabled: orgId !== null,
  });
export const usePerson = (id: string) =>
  useQuery({ queryKey: developmentKeys.person(id), queryFn: () => api<DevelopmentDetail>(`/api/development/${id}`) });

export const developmentApi = {
  create: (body: CreateDevelopmentBody) => api<{ id: string }>('/api/development', { method: 'POST', body }),
  step: (id: string, body: RecordStepBody) => api<{ id: string }>(`/api/development/${id}/steps`, { method: 'POST', body }),
  notice: (id: string, body: CreateDevelopmentNoticeBody) =>
    api<{ id: string; endsOn: string }>(`/api/development/${id}/notices`, { method: 'POST', body }),
  objection: (noticeId: string, body: DevelopmentObjectionBody) =>
    api<{ ok: true }>(`/api/development/notices/${noticeId}/objections`, { method: 'POST', body }),
  extend: (id: string, body: ExtendProbationBody) =>
    api<{ probationEndsOn: string }>(`/api/development/${id}/extend`, { method: 'POST', body }),
  reveal: (id: string, body: RevealMemberBody) =>
    api<RevealMemberResponse>(`/api/development/${id}/reveal`, { method: 'POST', body }),
  close: (id: string, reason: string) => api<{ ok: true }>(`/api/development/${id}/close`, { method: 'POST', body: { reason } }),
  setPlan: (body: SetDevelopmentPlanBody) => api<{ ok: true }>('/api/development/plans', { method: 'PUT', body }),
  setMentor: (subject: TalentSubject, mentorMemberId: string) =>
    api<{ ok: true }>('/api/development/talents/mentor', { method: 'PUT', body: { subject, mentorMemberId } }),
  addRecord: (subject: TalentSubject, on: string, content: string) =>
    api<{ ok: true }>('/api/development/talents/records', { method: 'POST', body: { subject, on, content } }),
};

/** A step may change the ledger too (admission, confirmation): its cached lists go stale as well. */
export function useInvalidateDevelopment() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: developmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
    ]);
}
