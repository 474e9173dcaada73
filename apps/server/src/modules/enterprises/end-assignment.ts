import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { loadEnterpriseFor } from './enterprise-rules.js';
import { findAssignment, setAssignmentEnd } from './instructor.repository.js';

/** Ends an assignment on a day (not before it began); `enterprise.manage` at the enterprise. */
export async function endAssignment(ctx: Ctx, assignmentId: string, endsOn: string): Promise<void> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const a = await findAssignment(trx, assignmentId);
    if (!a) throw notFound('选派记录');
    const e = await loadEnterpriseFor(trx, access, a.enterpriseId, today, 'manage').catch((err) => {
      // The assignment is as visible as its enterprise.
      if (err?.status === 404) throw notFound('选派记录');
      throw err;
    });
    if (endsOn < a.startsOn) throw invalid('endsOn', '结束日期不能早于开始日期');
    if (a.endsOn !== null && a.endsOn < today) throw conflict('该选派已经结束');
    await setAssignmentEnd(trx, a.id, endsOn, now.toISOString());
    await ctx.audit.record(trx, ctx.actor, {
      type: 'instructor.assignment_end',
      orgId: e.areaOrgId,
      objectType: 'instructor_assignment',
      objectId: a.id,
      detail: { enterpriseId: a.enterpriseId, instructorId: a.instructorId, endsOn },
    });
  });
}
