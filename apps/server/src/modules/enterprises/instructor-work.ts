import { type CoverageRuleSet, coverageRulesOn, type InstructorWork, recentContactSince } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import { enterpriseVisible, loadEnterprise } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';
import { forbidden } from '../../platform/http/errors.js';
import { presentAssignment, presentLog, selectAssignments, selectLogs } from './instructor.repository.js';

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
  const rows = await selectAssignments(db.selectFrom('instructor_assignment'), rules)
    .where(workScope(access, today, 'instructor_assignment.instructor_id'))
    .where('enterprise.archived_at', 'is', null)
    .where('instructor_assignment.starts_on', '<=', today)
    .where((eb) => eb.or([eb('instructor_assignment.ends_on', 'is', null), eb('instructor_assignment.ends_on', '>=', today)]))
    .$if(only.instructorId !== undefined, (q) => q.where('instructor_assignment.instructor_id', '=', only.instructorId!))
    .$if(only.enterpriseId !== undefined, (q) => q.where('instructor_assignment.enterprise_id', '=', only.enterpriseId!))
    .orderBy('instructor_assignment.starts_on')
    .orderBy('instructor_assignment.id')
    .limit(ASSIGNMENTS_MAX)
    .execute();
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
    await ctx.db.transaction().execute((trx) => loadEnterprise(trx, access.in(trx), query.enterpriseId!, today));
  const assignments = await currentAssignments(ctx.db, access, today, rules, query);
  const where = (eb: ExpressionBuilder<DB, 'instructor_log' | 'enterprise'>) =>
    eb.and([
      workScope(access, today, 'instructor_log.instructor_id'),
      ...(query.instructorId ? [eb('instructor_log.instructor_id', '=', query.instructorId)] : []),
      ...(query.enterpriseId ? [eb('instructor_log.enterprise_id', '=', query.enterpriseId)] : []),
    ]);
  const logs = await selectLogs(ctx.db.selectFrom('instructor_log'))
    .where(where)
    .orderBy('instructor_log.on_date', 'desc')
    .orderBy('instructor_log.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counted = await ctx.db
    .selectFrom('instructor_log')
    .innerJoin('enterprise', 'enterprise.id', 'instructor_log.enterprise_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  const overdue = assignments.filter((a) => a.overdue);
  return {
    assignments: query.overdueOnly ? overdue : assignments,
    overdueCount: overdue.length,
    logs: logs.map(presentLog),
    logTotal: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** SQL pre-filter for overdue: no counted contact since the assignment began, or the last one long enough ago. */
export function maybeOverdue(today: string, rules: CoverageRuleSet): Expression<SqlBool> {
  const since = recentContactSince(today, rules);
  return sql<SqlBool>`coalesce((select max(l.on_date) from instructor_log as l
      where l.enterprise_id = instructor_assignment.enterprise_id and l.instructor_id = instructor_assignment.instructor_id
        and l.on_date >= instructor_assignment.starts_on and l.kind in (${sql.join(rules.visitKinds)})),
    instructor_assignment.starts_on) <= ${since}`;
}
