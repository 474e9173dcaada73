import { useQuery } from '@tanstack/react-query';
import type { Me } from '@tongxin/contracts';
import { ApiError, api, setCsrfToken } from '../../lib/api';

export const meKey = ['me'] as const;

export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me', { quiet401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'unauthenticated') {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in user (null when signed out). */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function mustChangeCredentials(me: Me): boolean {
  return me.user.mustChangePassword || me.user.mustChangeUsername;
}

export const login = (body: { username: string; password: string }) =>
  api<{ ok: true }>('/api/auth/login', { method: 'POST', body, quiet401: true });

export const logout = () => api<{ ok: true }>('/api/auth/logout', { method: 'POST', quiet401: true });

export const changePassword = (body: { currentPassword: string; newPassword: string; newUsername?: string }) =>
  api<{ ok: true }>('/api/auth/change-password', { method: 'POST', body });
