import { type CoverageRuleSet, coverageRulesOn, type InstructorWork } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { forbidden } from '../../platform/http/errors.js';
import { loadEnterpriseFor } from './enterprise-rules.js';
import { presentAssignment, presentLog } from './instructor.presenter.js';
import { logPage, runningAssignments } from './instructor.repository.js';

/** Bounds the assignments read at once (a city has a few hundred instructor assignments at most). */
const ASSIGNMENTS_MAX = 500;

/**
 * Whose instructor work the user sees: with `enterprise.read`, that of the enterprises it sees; an instructor
 * (only `instructor.work`) its own — including entries at enterprises it is no longer assigned to.
 */
function workScope(access: Access, today: string, column: string): Expression<SqlBool> {
  const own = sql<SqlBool>`${sql.ref(column)} = ${access.user!.id}`;
  if (!access.holdsAnywhere('enterprise.read')) return own;
  return sql<SqlBool>`(${own} or ${enterpriseVisible(access, today)})`;
}

/** The running assignments in view, each with its last contact, next due date and whether it is overdue. */
export async function currentAssignments(
  db: Db | Trx,
  access: Access,
  today: string,
  rules: CoverageRuleSet,
  only: { instructorId?: string | undefined; enterpriseId?: string | undefined } = {},
) {
  const rows = await runningAssignments(
    db,
    rules,
    today,
    (eb) =>
      eb.and([
        workScope(access, today, 'instructor_assignment.instructor_id'),
        ...(only.instructorId !== undefined ? [eb('instructor_assignment.instructor_id', '=', only.instructorId)] : []),
        ...(only.enterpriseId !== undefined ? [eb('instructor_assignment.enterprise_id', '=', only.enterpriseId)] : []),
      ]),
    ASSIGNMENTS_MAX,
  );
  return rows
    .map((r) => presentAssignment(r, today, rules))
    .sort(
      (a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? '') || a.enterpriseName.localeCompare(b.enterpriseName, 'zh'),
    );
}

/** The instructor work page: running assignments (overdue first) and a page of the work log, newest first. */
export async function instructorWork(
  ctx: Ctx,
  query: {
    instructorId?: string | undefined;
    enterpriseId?: string | undefined;
    overdueOnly: boolean;
    page: number;
    pageSize: number;
  },
): Promise<InstructorWork> {
  const access = ctx.access;
  if (!access.holdsAnywhere('enterprise.read') && !access.holdsAnywhere('instructor.work')) {
    access.requireAnywhere('instructor.work');
  }
  if (query.instructorId && !access.holdsAnywhere('enterprise.read') && query.instructorId !== access.user?.id) throw forbidden();
  const today = beijingDate(ctx.clock.now());
  const rules = coverageRulesOn(today);
  // An enterprise asked for by id must be one the user sees (404 otherwise, as its detail page).
  if (query.enterpriseId)
    await ctx.db.transaction().execute((trx) => loadEnterpriseFor(trx, access.in(trx), query.enterpriseId!, today));
  const assignments = await currentAssignments(ctx.db, access, today, rules, query);
  const logs = await logPage(
    ctx.db,
    (eb) =>
      eb.and([
        workScope(access, today, 'instructor_log.instructor_id'),
        ...(query.instructorId ? [eb('instructor_log.instructor_id', '=', query.instructorId)] : []),
        ...(query.enterpriseId ? [eb('instructor_log.enterprise_id', '=', query.enterpriseId)] : []),
      ]),
    query.page,
    query.pageSize,
  );
  const overdue = assignments.filter((a) => a.overdue);
  return {
    assignments: query.overdueOnly ? overdue : assignments,
    overdueCount: overdue.length,
    logs: logs.items.map(presentLog),
    logTotal: logs.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
