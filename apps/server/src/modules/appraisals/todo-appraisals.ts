import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { countsOf } from './appraisal.repository.js';

/** Appraisals still open in the user's scope: grade the members and close it (an index range on open ones). */
export const appraisalTodos: TodoSource = async ({ trx, access }) => {
  const rows = await trx
    .selectFrom('appraisal')
    .innerJoin('org', 'org.id', 'appraisal.org_id')
    .select(['appraisal.id', 'appraisal.year', 'appraisal.org_id', 'org.name'])
    .where('appraisal.status', '=', 'open')
    .where(access.scope('appraisal.manage', 'appraisal.org_id'))
    .orderBy('appraisal.year')
    .orderBy('appraisal.opened_at')
    .limit(50)
    .execute();
  const counts = await countsOf(trx, rows);
  return rows.map((r): TodoItem => {
    const c = counts.get(r.id)!;
    return {
      kind: 'appraisal-open',
      title: `${r.name}${r.year}年度民主评议进行中`,
      detail: `已评定${c.graded}/${c.full}名正式党员`,
      href: `/appraisals/${r.id}`,
      due: `${r.year}-12-31`,
      orgId: r.org_id,
    };
  });
};
