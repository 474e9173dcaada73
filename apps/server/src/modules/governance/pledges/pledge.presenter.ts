import { type PledgeSummary, signatureState } from '@tongxin/contracts';
import type { PledgeRow, SignatureLine } from './pledge.repository.js';

export function countStates(current: number, lines: readonly SignatureLine[]) {
  const counts = { signed: 0, outdated: 0, unsigned: 0 };
  for (const l of lines) counts[signatureState(current, l.signed_version)] += 1;
  return counts;
}

export function presentPledge(p: PledgeRow, publishedAt: string, lines: readonly SignatureLine[]): PledgeSummary {
  const current = Number(p.current_version);
  return {
    id: p.id,
    title: p.title,
    issuerKind: p.issuer_kind,
    issuerName: p.issuer_name,
    org: { id: p.org_id, name: p.org_name },
    currentVersion: current,
    publishedAt,
    counts: countStates(current, lines),
  };
}
