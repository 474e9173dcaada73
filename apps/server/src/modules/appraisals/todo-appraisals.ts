import type { TodoItem, TodoSource } from '../todos/todo-source.js';
import { entryCounts, openAppraisals } from './appraisal-list.repository.js';

/** Appraisals still open in the user's scope: grade the members and close it (an index range on open ones). */
export const appraisalTodos: TodoSource = async ({ trx, access }) => {
  const rows = await openAppraisals(trx, access.scope('appraisal.manage', 'appraisal.org_id'), 50);
  const counts = await entryCounts(
    trx,
    rows.map((r) => r.id),
  );
  return rows.map((r): TodoItem => {
    const c = counts.get(r.id);
    return {
      kind: 'appraisal-open',
      title: `${r.orgName}${r.year}年度民主评议进行中`,
      detail: `已评定${c?.graded ?? 0}/${c?.full ?? 0}名正式党员`,
      href: `/appraisals/${r.id}`,
      due: `${r.year}-12-31`,
      orgId: r.orgId,
    };
  });
};
