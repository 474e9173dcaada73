import { useQuery } from '@tanstack/react-query';
import type { LedgerCheckResponse } from '@tongxin/contracts';
import { api } from '../../lib/api';

export type { LedgerCheckResponse, LedgerFinding } from '@tongxin/contracts';

export const ledgerCheckKeys = {
  all: ['ledger-check'] as const,
  scope: (orgId: string | null) => ['ledger-check', orgId ?? 'all'] as const,
};

/** The health check of one org's subtree, or of the whole scope when `orgId` is null. */
export function useLedgerCheck(orgId: string | null) {
  return useQuery({
    queryKey: ledgerCheckKeys.scope(orgId),
    queryFn: () => api<LedgerCheckResponse>('/api/ledger-check', { query: { orgId } }),
  });
}
