import type { InstructorLogKind } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { loadEnterprise } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { invalid } from '../../platform/http/errors.js';

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
    const e = await loadEnterprise(trx, access, enterpriseId, today, 'log');
    const userId = access.user!.id;
    const during = await trx
      .selectFrom('instructor_assignment')
      .select('id')
      .where('enterprise_id', '=', enterpriseId)
      .where('instructor_id', '=', userId)
      .where('starts_on', '<=', input.onDate)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', input.onDate)]))
      .executeTakeFirst();
    if (!during) throw invalid('onDate', '工作日期不在您对该企业的选派期内');
    const id = uuidv7();
    await trx
      .insertInto('instructor_log')
      .values({
        id,
        enterprise_id: enterpriseId,
        instructor_id: userId,
        kind: input.kind,
        on_date: input.onDate,
        notes: input.notes,
        created_at: now.toISOString(),
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'instructor.log',
      orgId: e.area_org_id,
      objectType: 'instructor_log',
      objectId: id,
      detail: { enterpriseId, kind: input.kind, onDate: input.onDate },
    });
    return id;
  });
}
