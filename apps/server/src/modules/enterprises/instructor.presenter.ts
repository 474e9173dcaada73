import { type CoverageRuleSet, type InstructorAssignment, type InstructorLogEntry, nextVisitDue } from '@tongxin/contracts';
import type { Assignment, InstructorLog } from './instructor.repository.js';

export const isCurrent = (a: Pick<Assignment, 'startsOn' | 'endsOn'>, today: string) =>
  a.startsOn <= today && (a.endsOn === null || a.endsOn >= today);

/** A running assignment is overdue once the next contact's due date has passed. */
export function presentAssignment(a: Assignment, today: string, rules: CoverageRuleSet): InstructorAssignment {
  const current = isCurrent(a, today);
  const nextDueOn = current ? nextVisitDue(a.lastContactOn, a.startsOn, rules) : null;
  return { ...a, current, nextDueOn, overdue: nextDueOn !== null && nextDueOn < today };
}

export function presentLog(l: InstructorLog): InstructorLogEntry {
  return { ...l };
}
