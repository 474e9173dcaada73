import { v7 as uuidv7 } from 'uuid';
import { loadEnterprise } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { assertActive } from './enterprise.repository.js';

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
    const e = await loadEnterprise(trx, access, id, today, 'manage');
    assertActive(e);
    const instructor = await trx
      .selectFrom('app_user')
      .select(['id', 'display_name', 'home_org_id', 'disabled_at'])
      .where('id', '=', input.instructorId)
      .executeTakeFirst();
    if (!instructor?.home_org_id || !(await access.can('account.read', instructor.home_org_id))) {
      throw invalid('instructorId', '指导员账号不存在或您无权查看');
    }
    if (instructor.disabled_at) throw invalid('instructorId', '该账号已停用');
    const role = await trx
      .selectFrom('role_grant')
      .select('id')
      .where('user_id', '=', instructor.id)
      .where('role', '=', 'instructor')
      .executeTakeFirst();
    if (!role) throw invalid('instructorId', '该账号没有“党建指导员”角色，请先在账号管理中授予');
    // Overlapping periods of the same instructor at the same enterprise would count its visits twice.
    const overlap = await trx
      .selectFrom('instructor_assignment')
      .select('id')
      .where('enterprise_id', '=', id)
      .where('instructor_id', '=', instructor.id)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', input.startsOn)]))
      .$if(input.endsOn !== null, (q) => q.where('starts_on', '<=', input.endsOn!))
      .executeTakeFirst();
    if (overlap) throw conflict('该指导员在这段时间已选派到本企业');
    const assignmentId = uuidv7();
    await trx
      .insertInto('instructor_assignment')
      .values({
        id: assignmentId,
        enterprise_id: id,
        instructor_id: instructor.id,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        note: input.note,
        created_at: now.toISOString(),
        created_by: access.user!.id,
        updated_at: now.toISOString(),
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'instructor.assign',
      orgId: e.area_org_id,
      objectType: 'instructor_assignment',
      objectId: assignmentId,
      detail: { enterpriseId: id, instructorId: instructor.id, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return assignmentId;
  });
}

/** Ends an assignment on a day (not before it began); `enterprise.manage` at the enterprise. */
export async function endAssignment(ctx: Ctx, assignmentId: string, endsOn: string): Promise<void> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const a = await trx.selectFrom('instructor_assignment').selectAll().where('id', '=', assignmentId).executeTakeFirst();
    if (!a) throw notFound('选派记录');
    const e = await loadEnterprise(trx, access, a.enterprise_id, today, 'manage').catch((err) => {
      // The assignment is as visible as its enterprise.
      if (err?.status === 404) throw notFound('选派记录');
      throw err;
    });
    if (endsOn < a.starts_on) throw invalid('endsOn', '结束日期不能早于开始日期');
    if (a.ends_on !== null && a.ends_on < today) throw conflict('该选派已经结束');
    await trx
      .updateTable('instructor_assignment')
      .set({ ends_on: endsOn, updated_at: now.toISOString() })
      .where('id', '=', a.id)
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'instructor.assignment_end',
      orgId: e.area_org_id,
      objectType: 'instructor_assignment',
      objectId: a.id,
      detail: { enterpriseId: a.enterprise_id, instructorId: a.instructor_id, endsOn },
    });
  });
}
