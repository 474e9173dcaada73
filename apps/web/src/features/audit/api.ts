import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface AuditEntry {
  seq: number;
  at: string;
  type: string;
  result: 'success' | 'denied' | 'failed';
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  orgId: string | null;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
}

export interface AuditFilter {
  type?: string;
  actor?: string;
  result?: AuditEntry['result'];
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: string | null;
}

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<{ items: AuditEntry[]; total: number }>('/api/audit', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export const verifyAudit = () => api<AuditVerifyResult>('/api/audit/verify', { method: 'POST' });
