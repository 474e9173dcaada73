import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditListResponse, AuditVerifyResponse } from '@tongxin/contracts';
import { api } from '../../lib/api';

export type { AuditEntry };

export interface AuditFilter {
  type?: string;
  actor?: string;
  result?: AuditEntry['result'];
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type AuditVerifyResult = AuditVerifyResponse;

export function useAuditLog(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<AuditListResponse>('/api/audit', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export const verifyAudit = () => api<AuditVerifyResult>('/api/audit/verify', { method: 'POST' });
