import { stepOf } from '@tongxin/contracts';
import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { dueFiles } from './development-deadlines.js';

/**
 * To-dos of member development (待办): every file in the user's scope whose next step or six-monthly review is
 * overdue or due within 30 days. One index range on development(status, next_due), at most 50 items.
 */
export const developmentTodos: TodoSource = async ({ trx, access, today }) => {
  if (!access.holdsAnywhere('development.manage')) return [];
  const files = await dueFiles(trx, access, today, 50);
  return files.map(
    (f): TodoItem => ({
      kind: 'development-deadline',
      title: `${f.name}：${f.dueIsReview || !f.nextStep ? '培养教育考察（每6个月）' : `第${f.nextStep}步「${stepOf(f.nextStep)?.title}」`}${f.overdue ? '已逾期' : '即将到期'}`,
      detail: `${f.orgName} · 期限 ${f.due}`,
      href: `/development/people/${f.id}`,
      ...(f.due ? { due: f.due } : {}),
      orgId: f.orgId,
    }),
  );
};
