import { type CoverageRuleSet, type InstructorLogKind, recentContactSince } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB, InstructorAssignmentTable, InstructorLogTable } from '../../platform/db/types.js';

/** An instructor's assignment to an enterprise (选派), with the last counted contact during it. */
export interface Assignment {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  instructorId: string;
  instructorName: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
  lastContactOn: string | null;
}

/** One entry of the instructor work log (走访、谈心谈话、帮扶). */
export interface InstructorLog {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  instructorId: string;
  instructorName: string;
  kind: InstructorLogKind;
  onDate: string;
  notes: string;
  createdAt: string;
}

export type AssignmentWhere = (eb: ExpressionBuilder<DB, 'instructor_assignment' | 'enterprise'>) => Expression<SqlBool>;
type LogWhere = (eb: ExpressionBuilder<DB, 'instructor_log' | 'enterprise'>) => Expression<SqlBool>;

/** Assignments with their names and the instructor's last counted contact with the enterprise during it. */
function selectAssignments<O>(qb: SelectQueryBuilder<DB, 'instructor_assignment', O>, rules: CoverageRuleSet) {
  return qb
    .innerJoin('enterprise', 'enterprise.id', 'instructor_assignment.enterprise_id')
    .innerJoin('app_user as instructor', 'instructor.id', 'instructor_assignment.instructor_id')
    .selectAll('instructor_assignment')
    .select([
      'enterprise.name as enterprise_name',
      'instructor.display_name as instructor_name',
      sql<string | null>`(select max(l.on_date) from instructor_log as l
        where l.enterprise_id = instructor_assignment.enterprise_id and l.instructor_id = instructor_assignment.instructor_id
          and l.on_date >= instructor_assignment.starts_on and l.kind in (${sql.join(rules.visitKinds)}))`.as('last_contact'),
    ]);
}

const toAssignment = (
  r: InstructorAssignmentTable & { enterprise_name: string; instructor_name: string; last_contact: string | null },
): Assignment => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  instructorId: r.instructor_id,
  instructorName: r.instructor_name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  note: r.note,
  lastContactOn: r.last_contact,
});

function selectLogs<O>(qb: SelectQueryBuilder<DB, 'instructor_log', O>) {
  return qb
    .innerJoin('enterprise', 'enterprise.id', 'instructor_log.enterprise_id')
    .innerJoin('app_user as instructor', 'instructor.id', 'instructor_log.instructor_id')
    .selectAll('instructor_log')
    .select(['enterprise.name as enterprise_name', 'instructor.display_name as instructor_name']);
}

const toLog = (r: InstructorLogTable & { enterprise_name: string; instructor_name: string }): InstructorLog => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  instructorId: r.instructor_id,
  instructorName: r.instructor_name,
  kind: r.kind,
  onDate: r.on_date,
  notes: r.notes,
  createdAt: r.created_at,
});

/** SQL pre-filter for overdue: no counted contact since the assignment began, or the last one long enough ago. */
export function maybeOverdue(today: string, rules: CoverageRuleSet): Expression<SqlBool> {
  const since = recentContactSince(today, rules);
  return sql<SqlBool>`coalesce((select max(l.on_date) from instructor_log as l
      where l.enterprise_id = instructor_assignment.enterprise_id and l.instructor_id = instructor_assignment.instructor_id
        and l.on_date >= instructor_assignment.starts_on and l.kind in (${sql.join(rules.visitKinds)})),
    instructor_assignment.starts_on) <= ${since}`;
}

/** Assignments of live enterprises running on `today` that pass `where`, the longest-running first. */
export async function runningAssignments(
  db: Db | Trx,
  rules: CoverageRuleSet,
  today: string,
  where: AssignmentWhere,
  limit: number,
): Promise<Assignment[]> {
  const rows = await selectAssignments(db.selectFrom('instructor_assignment'), rules)
    .where(where)
    .where('enterprise.archived_at', 'is', null)
    .where('instructor_assignment.starts_on', '<=', today)
    .where((eb) => eb.or([eb('instructor_assignment.ends_on', 'is', null), eb('instructor_assignment.ends_on', '>=', today)]))
    .orderBy('instructor_assignment.starts_on')
    .orderBy('instructor_assignment.id')
    .limit(limit)
    .execute();
  return rows.map(toAssignment);
}

/** An enterprise's assignments, the latest first. */
export async function assignmentsOf(db: Db | Trx, enterpriseId: string, rules: CoverageRuleSet, limit: number) {
  const rows = await selectAssignments(db.selectFrom('instructor_assignment'), rules)
    .where('instructor_assignment.enterprise_id', '=', enterpriseId)
    .orderBy('instructor_assignment.starts_on', 'desc')
    .orderBy('instructor_assignment.id')
    .limit(limit)
    .execute();
  return rows.map(toAssignment);
}

/** A page of the work log passing `where`, newest first, with its total. */
export async function logPage(db: Db | Trx, where: LogWhere, page: number, pageSize: number) {
  const rows = await selectLogs(db.selectFrom('instructor_log'))
    .where(where)
    .orderBy('instructor_log.on_date', 'desc')
    .orderBy('instructor_log.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const counted = await db
    .selectFrom('instructor_log')
    .innerJoin('enterprise', 'enterprise.id', 'instructor_log.enterprise_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map(toLog), total: Number(counted.n) };
}

/** Whether the instructor holds an assignment to the enterprise overlapping the period. */
export async function overlappingAssignment(
  db: Db | Trx,
  enterpriseId: string,
  instructorId: string,
  startsOn: string,
  endsOn: string | null,
): Promise<boolean> {
  const hit = await db
    .selectFrom('instructor_assignment')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('instructor_id', '=', instructorId)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', startsOn)]))
    .$if(endsOn !== null, (q) => q.where('starts_on', '<=', endsOn!))
    .executeTakeFirst();
  return hit !== undefined;
}

/** Whether the instructor was assigned to the enterprise on that day. */
export async function assignedOn(db: Db | Trx, enterpriseId: string, instructorId: string, day: string): Promise<boolean> {
  const hit = await db
    .selectFrom('instructor_assignment')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('instructor_id', '=', instructorId)
    .where('starts_on', '<=', day)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)]))
    .executeTakeFirst();
  return hit !== undefined;
}

export async function insertAssignment(
  trx: Trx,
  a: Pick<Assignment, 'id' | 'enterpriseId' | 'instructorId' | 'startsOn' | 'endsOn' | 'note'> & {
    at: string;
    by: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('instructor_assignment')
    .values({
      id: a.id,
      enterprise_id: a.enterpriseId,
      instructor_id: a.instructorId,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      note: a.note,
      created_at: a.at,
      created_by: a.by,
      updated_at: a.at,
    })
    .execute();
}

export async function findAssignment(db: Db | Trx, id: string) {
  const a = await db.selectFrom('instructor_assignment').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    a && { id: a.id, enterpriseId: a.enterprise_id, instructorId: a.instructor_id, startsOn: a.starts_on, endsOn: a.ends_on }
  );
}

export async function setAssignmentEnd(trx: Trx, id: string, endsOn: string, at: string): Promise<void> {
  await trx.updateTable('instructor_assignment').set({ ends_on: endsOn, updated_at: at }).where('id', '=', id).execute();
}

/** Ends an enterprise's assignments still running after `today` on `today`; returns how many. */
export async function endRunningAssignments(trx: Trx, enterpriseId: string, today: string, at: string): Promise<number> {
  const ended = await trx
    .updateTable('instructor_assignment')
    .set({ ends_on: today, updated_at: at })
    .where('enterprise_id', '=', enterpriseId)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', today)]))
    .executeTakeFirst();
  return Number(ended.numUpdatedRows);
}

/** An enterprise's latest work-log entries. */
export async function recentLogs(db: Db | Trx, enterpriseId: string, limit: number): Promise<InstructorLog[]> {
  const rows = await selectLogs(db.selectFrom('instructor_log'))
    .where('instructor_log.enterprise_id', '=', enterpriseId)
    .orderBy('instructor_log.on_date', 'desc')
    .orderBy('instructor_log.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toLog);
}

export async function insertLog(trx: Trx, l: Omit<InstructorLog, 'enterpriseName' | 'instructorName'>): Promise<void> {
  await trx
    .insertInto('instructor_log')
    .values({
      id: l.id,
      enterprise_id: l.enterpriseId,
      instructor_id: l.instructorId,
      kind: l.kind,
      on_date: l.onDate,
      notes: l.notes,
      created_at: l.createdAt,
    })
    .execute();
}
