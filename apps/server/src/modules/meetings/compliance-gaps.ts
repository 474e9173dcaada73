import { type ComplianceStatus, type complianceGapsQuery, MEETING_KINDS, type MeetingKind } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { branchStatuses, loadComplianceYear, periodMasks } from './compliance-data.js';

type Query = z.output<typeof complianceGapsQuery>;

/** GET /api/meetings/compliance/gaps: every missing (branch, kind, period) of the year, oldest period first. */
export async function complianceGaps(ctx: Ctx, q: Query) {
  const access = ctx.access;
  await access.authorize('meeting.read', q.orgId);
  const today = beijingDate(ctx.clock.now());
  const { branches, frequencies } = await loadComplianceYear(ctx.db, access, q.orgId, q.year);
  const gaps: { orgId: string; orgName: string; kind: MeetingKind; period: string; start: string }[] = [];
  const masks = new Map(MEETING_KINDS.map((k) => [k, periodMasks(q.year, frequencies[k])]));
  const statuses: ComplianceStatus[] = [];
  for (const b of branches) {
    for (const kind of MEETING_KINDS) {
      const periods = masks.get(kind)!;
      branchStatuses(b, kind, periods, today, statuses).forEach((s, i) => {
        const p = periods[i]!.period;
        if (s === 'missing') gaps.push({ orgId: b.id, orgName: b.name, kind, period: p.key, start: p.start });
      });
    }
  }
  // Oldest first; within a period by kind order, then as the branches came (by pinyin).
  const kindOrder = new Map(MEETING_KINDS.map((k, i) => [k, i]));
  gaps.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : kindOrder.get(a.kind)! - kindOrder.get(b.kind)!));
  const start = (q.page - 1) * q.pageSize;
  return {
    total: gaps.length,
    page: q.page,
    pageSize: q.pageSize,
    items: gaps.slice(start, start + q.pageSize).map(({ start: _s, ...g }) => g),
  };
}
