import type { InstructorLogKind } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { invalid } from '../../platform/http/errors.js';
import { loadEnterpriseFor } from './enterprise-rules.js';
import { assignedOn, insertLog } from './instructor.repository.js';

/**
 * An instructor records a visit, talk or help at an enterprise it is assigned to now; the day must lie in one
 * of its assignments there and not in the future.
 */
export async function recordInstructorLog(
  ctx: Ctx,
  enterpriseId: string,
  input: { kind: InstructorLogKind; onDate: string; notes: string },
): Promise<string> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  if (input.onDate > today) throw invalid('onDate', '工作日期不能晚于今天');
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterpriseFor(trx, access, enterpriseId, today, 'log');
    const userId = access.user!.id;
    if (!(await assignedOn(trx, enterpriseId, userId, input.onDate))) throw invalid('onDate', '工作日期不在您对该企业的选派期内');
    const id = uuidv7();
    await insertLog(trx, { id, enterpriseId, instructorId: userId, ...input, createdAt: now.toISOString() });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'instructor.log',
      orgId: e.areaOrgId,
      objectType: 'instructor_log',
      objectId: id,
      detail: { enterpriseId, kind: input.kind, onDate: input.onDate },
    });
    return id;
  });
}
