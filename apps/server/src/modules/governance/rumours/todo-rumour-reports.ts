import type { TodoSource } from '../../todos/todo-source.js';

const LIMIT = 20;

/** Suspected rumours waiting for the committee's answer (待核实), oldest first. */
export const rumourReportTodos: TodoSource = async ({ trx, access }) => {
  if (!access.holdsAnywhere('governance.manage')) return [];
  const rows = await trx
    .selectFrom('rumour_report')
    .select(['id', 'text', 'org_id', 'submitted_at'])
    .where('status', '=', 'pending')
    .where(access.scope('governance.manage', 'rumour_report.org_id'))
    .orderBy('submitted_at')
    .orderBy('id')
    .limit(LIMIT)
    .execute();
  return rows.map((r) => ({
    kind: 'rumour-pending',
    title: `核实可疑信息：${r.text.length > 24 ? `${r.text.slice(0, 24)}…` : r.text}`,
    href: '/governance/rumours?view=queue',
    orgId: r.org_id,
  }));
};
