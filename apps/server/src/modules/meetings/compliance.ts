import type { ComplianceResponse, ComplianceStatus, complianceQuery } from '@tongxin/contracts';
import { COMPLIANCE_STATUSES, MEETING_KINDS } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { notFound } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';
import { branchStatuses, isAsked, KIND_INDEX, loadComplianceYear, periodMasks } from './compliance-data.js';

type Query = z.output<typeof complianceQuery>;

const S = Object.fromEntries(COMPLIANCE_STATUSES.map((s, i) => [s, i])) as Record<ComplianceStatus, number>;
const NS = COMPLIANCE_STATUSES.length;

/**
 * GET /api/meetings/compliance: for an org's subtree and a year, every branch's status per period of one kind
 * (the heat map: branches × months), the period totals over all branches, and each kind's totals. One read
 * (branches joined to their rollup row); statuses are counted in one pass over numeric codes (a city has
 * tens of thousands of branches), and cells are built for the page only.
 */
export async function compliance(ctx: Ctx, q: Query): Promise<ComplianceResponse> {
  const access = ctx.access;
  await access.authorize('meeting.read', q.orgId);
  const today = beijingDate(ctx.clock.now());
  const found = await findOrg(ctx.db, q.orgId);
  if (!found) throw notFound('组织');
  const org = { id: found.id, name: found.name };
  const { branches, frequencies } = await loadComplianceYear(ctx.db, access, q.orgId, q.year);

  // Per kind and period: its masks and the status of a required branch that has not met (by date alone).
  const kinds = MEETING_KINDS.map((kind) => {
    const masks = periodMasks(q.year, frequencies[kind]);
    return {
      kind,
      index: KIND_INDEX[kind],
      masks,
      held: masks.map((m) => m.held),
      first: masks.map((m) => m.firstBit),
      start: masks.map((m) => m.period.start),
      idle: masks.map((m) => S[today < m.period.start ? 'upcoming' : today <= m.period.end ? 'due' : 'missing']),
      counts: new Float64Array(masks.length * NS),
    };
  });
  const chosen = kinds[KIND_INDEX[q.kind]]!;
  const yearStart = `${q.year}-01-01`;
  const shown: { index: number; missing: number }[] = [];
  for (let b = 0; b < branches.length; b++) {
    const branch = branches[b]!;
    const young = branch.measuredFrom > yearStart;
    for (const k of kinds) {
      const required = isAsked(k.kind, branch);
      const held = branch.held[k.index]!;
      const madeUp = branch.madeUp[k.index]!;
      let missing = 0;
      for (let i = 0; i < k.held.length; i++) {
        const code = !required
          ? S.not_required
          : held & k.held[i]!
            ? S.on_time
            : madeUp & k.first[i]!
              ? S.made_up
              : young && branch.measuredFrom > k.start[i]!
                ? S.not_required
                : k.idle[i]!;
        k.counts[i * NS + code]!++;
        if (code === S.missing) missing++;
      }
      if (k === chosen && (!q.gapsOnly || missing > 0)) shown.push({ index: b, missing });
    }
  }
  const countsOf = (k: (typeof kinds)[number], i: number) =>
    Object.fromEntries(COMPLIANCE_STATUSES.map((s, c) => [s, k.counts[i * NS + c]!])) as Record<ComplianceStatus, number>;
  const periods = chosen.masks.map((p, i) => ({ key: p.period.key, months: p.period.months, counts: countsOf(chosen, i) }));
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
    frequency: frequencies[q.kind],
    frequencies,
    branchCount: branches.length,
    periods,
    kinds: kinds.map((k) => {
      const total = Object.fromEntries(COMPLIANCE_STATUSES.map((s) => [s, 0])) as Record<ComplianceStatus, number>;
      for (let i = 0; i < k.masks.length; i++)
        for (const [s, n] of Object.entries(countsOf(k, i))) total[s as ComplianceStatus] += n;
      return { kind: k.kind, frequency: frequencies[k.kind], counts: total };
    }),
    rows: { total: shown.length, page: q.page, pageSize: q.pageSize, items },
  };
}
