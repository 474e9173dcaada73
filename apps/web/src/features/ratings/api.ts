import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  OpenRoundBody,
  OrgStarsResponse,
  RatingDetail,
  ReviewBody,
  RoundDetail,
  RoundSummary,
  RubricBodyInput,
  RubricDetail,
  RubricSummary,
  SelfRateBody,
  ShowcaseItem,
  StarMapResponse,
} from '@tongxin/contracts';
import { api } from '../../lib/api';

export const ratingKeys = {
  all: ['ratings'] as const,
  rounds: ['ratings', 'rounds'] as const,
  round: (id: string) => ['ratings', 'round', id] as const,
  rating: (id: string) => ['ratings', 'rating', id] as const,
  rubrics: ['ratings', 'rubrics'] as const,
  rubric: (v: string) => ['ratings', 'rubric', v] as const,
  starMap: (orgId: string) => ['ratings', 'star-map', orgId] as const,
  stars: (orgId: string) => ['ratings', 'stars', orgId] as const,
  showcases: (orgId: string) => ['ratings', 'showcases', orgId] as const,
};

export const useRounds = () =>
  useQuery({
    queryKey: ratingKeys.rounds,
    queryFn: () => api<{ items: RoundSummary[]; total: number; abilities: { open: boolean } }>('/api/ratings/rounds'),
  });
export const useRound = (id: string) =>
  useQuery({ queryKey: ratingKeys.round(id), queryFn: () => api<RoundDetail>(`/api/ratings/rounds/${id}`) });
export const useRating = (id: string) =>
  useQuery({ queryKey: ratingKeys.rating(id), queryFn: () => api<RatingDetail>(`/api/ratings/${id}`) });
export const useRubrics = () =>
  useQuery({
    queryKey: ratingKeys.rubrics,
    queryFn: () => api<{ items: RubricSummary[]; abilities: { create: boolean } }>('/api/ratings/rubrics'),
  });
export const useRubric = (version: string) =>
  useQuery({ queryKey: ratingKeys.rubric(version), queryFn: () => api<RubricDetail>(`/api/ratings/rubrics/${version}`) });
export const useStarMap = (orgId: string | null) =>
  useQuery({
    queryKey: ratingKeys.starMap(orgId ?? ''),
    queryFn: () => api<StarMapResponse>('/api/ratings/star-map', { query: { orgId } }),
    enabled: !!orgId,
  });
export const useOrgStars = (orgId: string) =>
  useQuery({
    queryKey: ratingKeys.stars(orgId),
    queryFn: () => api<OrgStarsResponse>('/api/ratings/stars', { query: { orgId } }),
  });
export const useShowcases = (orgId: string | null) =>
  useQuery({
    queryKey: ratingKeys.showcases(orgId ?? ''),
    queryFn: () => api<{ items: ShowcaseItem[]; abilities: { create: boolean } }>('/api/ratings/showcases', { query: { orgId } }),
    enabled: !!orgId,
  });

export const ratingApi = {
  openRound: (body: OpenRoundBody) => api<{ id: string }>('/api/ratings/rounds', { method: 'POST', body }),
  selfRate: (id: string, body: SelfRateBody) => api<{ ok: true }>(`/api/ratings/${id}/self`, { method: 'PUT', body }),
  review: (id: string, body: ReviewBody) => api<{ ok: true }>(`/api/ratings/${id}/review`, { method: 'PUT', body }),
  approve: (id: string, body: { stars: number; opinion?: string; version: number }) =>
    api<{ ok: true }>(`/api/ratings/${id}/approve`, { method: 'POST', body }),
  startNotice: (id: string) =>
    api<{ noticeFrom: string; noticeUntil: string }>(`/api/ratings/rounds/${id}/notice`, { method: 'POST' }),
  publish: (id: string) =>
    api<{ published: number; validUntil: string }>(`/api/ratings/rounds/${id}/publish`, { method: 'POST' }),
  object: (id: string, text: string) => api<{ id: string }>(`/api/ratings/${id}/objections`, { method: 'POST', body: { text } }),
  resolve: (id: string, objectionId: string, body: { resolution: string; stars?: number }) =>
    api<{ ok: true }>(`/api/ratings/${id}/objections/${objectionId}/resolve`, { method: 'POST', body }),
  createRubric: (body: RubricBodyInput) => api<{ version: string }>('/api/ratings/rubrics', { method: 'POST', body: { body } }),
  progress: (
    id: string,
    body: { note: string; percent: number; targetsDone: number[]; status?: 'active' | 'achieved' | 'ended' },
  ) => api<{ ok: true }>(`/api/ratings/showcases/${id}/progress`, { method: 'POST', body }),
};

export function useInvalidateRatings() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ratingKeys.all });
}
