import { type complianceGapsQuery, MEETING_KINDS, type MeetingKind } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { branchStatuses, loadComplianceYear } from './compliance-data.js';

type Query = z.output<typeof complianceGapsQuery>;

/** GET /api/meetings/compliance/gaps: every missing (branch, kind, period) of the year, oldest period first. */
export async function complianceGaps(deps: Deps, request: FastifyRequest, q: Query) {
  const access = request.access;
  await access.authorize('meeting.read', q.orgId);
  const today = beijingDate(deps.clock.now());
  const { branches, frequencies } = await loadComplianceYear(deps.db, access, q.orgId, q.year);
  const gaps: { orgId: string; orgName: string; kind: MeetingKind; period: string; start: string }[] = [];
  for (const b of branches) {
    for (const kind of MEETING_KINDS) {
      for (const s of branchStatuses(b, kind, q.year, frequencies[kind], today)) {
        if (s.status === 'missing')
          gaps.push({ orgId: b.id, orgName: b.name, kind, period: s.period.key, start: s.period.start });
      }
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
