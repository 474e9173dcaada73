import type { ComplianceResponse, ComplianceStatus, complianceQuery } from '@tongxin/contracts';
import { MEETING_KINDS } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { branchStatuses, emptyCounts, loadComplianceYear, periodMasks } from './compliance-data.js';

type Query = z.output<typeof complianceQuery>;

/**
 * GET /api/meetings/compliance: for an org's subtree and a year, every branch's status per period of one kind
 * (the heat map: branches × months), the period totals over all branches, and each kind's totals. Two reads
 * (branches, the year's rollup rows); statuses are counted in one pass and cells built for the page only.
 */
export async function compliance(deps: Deps, request: FastifyRequest, q: Query): Promise<ComplianceResponse> {
  const access = request.access;
  await access.authorize('meeting.read', q.orgId);
  const today = beijingDate(deps.clock.now());
  const org = await deps.db.selectFrom('org').select(['id', 'name']).where('id', '=', q.orgId).executeTakeFirst();
  if (!org) throw notFound('组织');
  const { branches, frequencies } = await loadComplianceYear(deps.db, access, q.orgId, q.year);

  const kinds = MEETING_KINDS.map((kind) => ({
    kind,
    frequency: frequencies[kind],
    counts: emptyCounts(),
    masks: periodMasks(q.year, frequencies[kind]),
  }));
  const chosen = kinds.find((k) => k.kind === q.kind)!;
  const periods = chosen.masks.map((p) => ({ key: p.period.key, months: p.period.months, counts: emptyCounts() }));
  // Branches shown (all, or those with a gap), with their missing count for the chosen kind.
  const shown: { index: number; missing: number }[] = [];
  const statuses: ComplianceStatus[] = [];
  for (let b = 0; b < branches.length; b++) {
    const branch = branches[b]!;
    for (const k of kinds) {
      branchStatuses(branch, k.kind, k.masks, today, statuses);
      let missing = 0;
      for (let i = 0; i < statuses.length; i++) {
        const s = statuses[i]!;
        k.counts[s]++;
        if (k === chosen) {
          periods[i]!.counts[s]++;
          if (s === 'missing') missing++;
        }
      }
      if (k === chosen && (!q.gapsOnly || missing > 0)) shown.push({ index: b, missing });
    }
  }
  const start = (q.page - 1) * q.pageSize;
  const items = shown.slice(start, start + q.pageSize).map(({ index, missing }) => {
    const b = branches[index]!;
    const cells = branchStatuses(b, q.kind, chosen.masks, today, []);
    return {
      orgId: b.id,
      name: b.name,
      measuredFrom: b.measuredFrom,
      cells: cells.map((status, i) => ({ key: chosen.masks[i]!.period.key, status })),
      missing,
    };
  });
  return {
    org,
    year: q.year,
    today,
    kind: q.kind,
    frequency: chosen.frequency,
    frequencies,
    branchCount: branches.length,
    periods,
    kinds: kinds.map(({ kind, frequency, counts }) => ({ kind, frequency, counts })),
    rows: { total: shown.length, page: q.page, pageSize: q.pageSize, items },
  };
}
