import { type CoverageRuleSet, type InstructorAssignment, type InstructorLogEntry, nextVisitDue } from '@tongxin/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { DB, InstructorAssignmentTable, InstructorLogTable } from '../../platform/db/types.js';

/**
 * Assignments with their enterprise's and instructor's names and the instructor's last contact with the
 * enterprise during the assignment (a work-log entry of a kind the rules count).
 */
export function selectAssignments<O>(qb: SelectQueryBuilder<DB, 'instructor_assignment', O>, rules: CoverageRuleSet) {
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

export type AssignmentRow = InstructorAssignmentTable & {
  enterprise_name: string;
  instructor_name: string;
  last_contact: string | null;
};

export const isCurrent = (a: Pick<InstructorAssignmentTable, 'starts_on' | 'ends_on'>, today: string) =>
  a.starts_on <= today && (a.ends_on === null || a.ends_on >= today);

/** A running assignment is overdue once the next contact's due date has passed. */
export function presentAssignment(r: AssignmentRow, today: string, rules: CoverageRuleSet): InstructorAssignment {
  const current = isCurrent(r, today);
  const nextDueOn = current ? nextVisitDue(r.last_contact, r.starts_on, rules) : null;
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    instructorId: r.instructor_id,
    instructorName: r.instructor_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
    current,
    lastContactOn: r.last_contact,
    nextDueOn,
    overdue: nextDueOn !== null && nextDueOn < today,
  };
}

export function selectLogs<O>(qb: SelectQueryBuilder<DB, 'instructor_log', O>) {
  return qb
    .innerJoin('enterprise', 'enterprise.id', 'instructor_log.enterprise_id')
    .innerJoin('app_user as instructor', 'instructor.id', 'instructor_log.instructor_id')
    .selectAll('instructor_log')
    .select(['enterprise.name as enterprise_name', 'instructor.display_name as instructor_name']);
}

export function presentLog(r: InstructorLogTable & { enterprise_name: string; instructor_name: string }): InstructorLogEntry {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    instructorId: r.instructor_id,
    instructorName: r.instructor_name,
    kind: r.kind,
    onDate: r.on_date,
    notes: r.notes,
    createdAt: r.created_at,
  };
}
