import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { findAccountFor } from './enterprise-account.repository.js';
import { assertActive, loadEnterpriseFor } from './enterprise-rules.js';
import { insertAssignment, overlappingAssignment } from './instructor.repository.js';

export interface AssignInput {
  instructorId: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
}

/**
 * Assigns an instructor (an account with the instructor role, in the actor's account scope) to an enterprise
 * for a period. One instructor holds at most one assignment to an enterprise at a time.
 */
export async function assignInstructor(ctx: Ctx, id: string, input: AssignInput): Promise<string> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  if (input.endsOn !== null && input.endsOn < today) throw invalid('endsOn', '结束日期不能早于今天');
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterpriseFor(trx, access, id, today, 'manage');
    assertActive(e);
    const instructor = await findAccountFor(trx, input.instructorId, 'instructor');
    if (!instructor?.homeOrgId || !(await access.can('account.read', instructor.homeOrgId))) {
      throw invalid('instructorId', '指导员账号不存在或您无权查看');
    }
    if (instructor.disabled) throw invalid('instructorId', '该账号已停用');
    if (!instructor.holdsRole) throw invalid('instructorId', '该账号没有“党建指导员”角色，请先在账号管理中授予');
    // Overlapping periods of the same instructor at the same enterprise would count its visits twice.
    if (await overlappingAssignment(trx, id, instructor.id, input.startsOn, input.endsOn)) {
      throw conflict('该指导员在这段时间已选派到本企业');
    }
    const assignmentId = uuidv7();
    await insertAssignment(trx, {
      id: assignmentId,
      enterpriseId: id,
      instructorId: instructor.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      note: input.note,
      at: now.toISOString(),
      by: access.user!.id,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'instructor.assign',
      orgId: e.areaOrgId,
      objectType: 'instructor_assignment',
      objectId: assignmentId,
      detail: { enterpriseId: id, instructorId: instructor.id, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return assignmentId;
  });
}
