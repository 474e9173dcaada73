import { useQuery } from '@tanstack/react-query';
import type { TodoResponse } from '@tongxin/contracts';
import { api } from '../../lib/api';

export const todoKeys = { all: ['todos'] as const };

/** The to-do list, derived by the server from the state of things (refetched when the window regains focus). */
export function useTodos(enabled = true) {
  return useQuery({ queryKey: todoKeys.all, queryFn: () => api<TodoResponse>('/api/todos'), enabled, staleTime: 30_000 });
}
