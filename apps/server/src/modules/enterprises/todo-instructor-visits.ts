import { coverageRulesOn } from '@tongxin/contracts';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { presentAssignment } from './instructor.presenter.js';
import { type AssignmentWhere, maybeOverdue, runningAssignments } from './instructor.repository.js';

/**
 * To-dos for overdue instructor visits (默认每季度至少联系一次): an instructor gets one item per enterprise it
 * has not been in contact with in time; a committee admin (enterprise.manage) one summary item for the
 * overdue visits of the enterprises it sees. Two indexed queries, at most 50 rows read for each.
 */
export const instructorVisitTodos: TodoSource = async ({ trx, access, userId, today }) => {
  const rules = coverageRulesOn(today);
  const items: TodoItem[] = [];
  const running = async (where: AssignmentWhere) =>
    (await runningAssignments(trx, rules, today, (eb) => eb.and([where(eb), maybeOverdue(today, rules)]), 50))
      .map((r) => presentAssignment(r, today, rules))
      .filter((a) => a.overdue);
  if (access.holdsAnywhere('instructor.work')) {
    const mine = await running((eb) => eb('instructor_assignment.instructor_id', '=', userId));
    for (const a of mine) {
      items.push({
        kind: 'instructor-visit-overdue',
        title: `走访${a.enterpriseName}`,
        detail: a.lastContactOn
          ? `上次联系 ${a.lastContactOn}，应于 ${a.nextDueOn} 前联系`
          : `选派后尚未联系，应于 ${a.nextDueOn} 前联系`,
        href: `/enterprises/${a.enterpriseId}`,
        due: a.nextDueOn!,
      });
    }
  }
  if (access.holdsAnywhere('enterprise.manage')) {
    const overdue = (await running(() => enterpriseVisible(access, today))).filter((a) => a.instructorId !== userId);
    if (overdue.length > 0) {
      items.push({
        kind: 'instructor-visits-overdue',
        title: `${overdue.length >= 50 ? '50家以上' : `${overdue.length}家`}企业的党建指导员走访已逾期`,
        detail: `最早应于 ${overdue.map((a) => a.nextDueOn!).sort()[0]} 前联系`,
        href: '/instructor-work?overdue=1',
        due: overdue.map((a) => a.nextDueOn!).sort()[0]!,
      });
    }
  }
  return items;
};
