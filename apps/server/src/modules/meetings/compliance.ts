import type { ComplianceResponse, complianceQuery } from '@tongxin/contracts';
import { MEETING_KINDS } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { branchStatuses, emptyCounts, loadComplianceYear } from './compliance-data.js';

type Query = z.output<typeof complianceQuery>;

/**
 * GET /api/meetings/compliance: for an org's subtree and a year, every branch's status per period of one kind
 * (the heat map: branches × months), the period totals over all branches, and each kind's totals.
 */
export async function compliance(deps: Deps, request: FastifyRequest, q: Query): Promise<ComplianceResponse> {
  const access = request.access;
  await access.authorize('meeting.read', q.orgId);
  const today = beijingDate(deps.clock.now());
  const org = await deps.db.selectFrom('org').select(['id', 'name']).where('id', '=', q.orgId).executeTakeFirst();
  if (!org) throw notFound('组织');
  const { branches, frequencies } = await loadComplianceYear(deps.db, access, q.orgId, q.year);

  const kinds = MEETING_KINDS.map((kind) => ({ kind, frequency: frequencies[kind], counts: emptyCounts() }));
  const frequency = frequencies[q.kind];
  let periods: ComplianceResponse['periods'] | null = null;
  const rows: ComplianceResponse['rows']['items'] = [];
  for (const b of branches) {
    for (const k of kinds) {
      const statuses = branchStatuses(b, k.kind, q.year, k.frequency, today);
      for (const s of statuses) k.counts[s.status]++;
      if (k.kind !== q.kind) continue;
      periods ??= statuses.map((s) => ({ key: s.period.key, months: s.period.months, counts: emptyCounts() }));
      let missing = 0;
      statuses.forEach((s, i) => {
        periods![i]!.counts[s.status]++;
        if (s.status === 'missing') missing++;
      });
      if (!q.gapsOnly || missing > 0) {
        rows.push({
          orgId: b.id,
          name: b.name,
          measuredFrom: b.measuredFrom,
          cells: statuses.map((s) => ({ key: s.period.key, status: s.status })),
          missing,
        });
      }
    }
  }
  if (!periods) {
    periods = branchStatuses(
      { id: '', name: '', measuredFrom: '9999-12-31', hasGroups: true, bits: new Map() },
      q.kind,
      q.year,
      frequency,
      today,
    ).map((s) => ({ key: s.period.key, months: s.period.months, counts: emptyCounts() }));
  }
  const start = (q.page - 1) * q.pageSize;
  return {
    org,
    year: q.year,
    today,
    kind: q.kind,
    frequency,
    frequencies,
    branchCount: branches.length,
    periods,
    kinds,
    rows: { total: rows.length, page: q.page, pageSize: q.pageSize, items: rows.slice(start, start + q.pageSize) },
  };
}
