import { addMonths, addMonthsToDate, daysBetween, duesRulesFor, monthOf, TODO_RULES } from '@tongxin/contracts';
import { termsEnding } from '../orgs/term-reminders.js';
import { overdueTransfers } from '../transfers/overdue-transfers.js';
import { activeBranchesAmong, membersInArrears, probationaryAdmittedBetween } from './todo.repository.js';
import type { TodoItem, TodoSource } from './todo-source.js';

const LIMIT = 50;

/** A branch committee's term ends within the lead time (or has ended): time to hold the election (换届). */
export const termEndingTodos: TodoSource = async ({ trx, access, today }) => {
  const rows = await termsEnding(trx, access, today, TODO_RULES.termLeadDays, LIMIT);
  return rows.map(
    (r): TodoItem => ({
      kind: 'term-ending',
      title: r.daysLeft < 0 ? `${r.orgName}支委会任期已届满，请及时换届` : `${r.orgName}支委会任期将于${r.termEnd}届满`,
      detail: r.daysLeft < 0 ? `已超期${-r.daysLeft}天` : `还有${r.daysLeft}天`,
      href: `/orgs/${r.orgId}?tab=committee`,
      due: r.termEnd,
      orgId: r.orgId,
    }),
  );
};

/**
 * A probationary member whose year of probation ends within the lead time: the branch discusses 转正. The
 * probation runs a year from admission (the branch meeting date, `member.joined_on`) and may be extended up to
 * a year; a record older than that is a ledger error, which 台账体检 reports (not a to-do). A member whose
 * development file is still open is left to that file's own deadline (it knows any extension): one to-do each.
 */
export const probationTodos: TodoSource = async ({ trx, access, today }) => {
  // Admitted on or before this day → the year is up within the lead time.
  const leadDay = new Date(Date.parse(`${today}T00:00:00Z`) + TODO_RULES.probationLeadDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const admittedBy = addMonthsToDate(leadDay, -12 * TODO_RULES.probationYears);
  const admittedAfter = addMonthsToDate(today, -12 * TODO_RULES.probationLongestYears);
  const rows = await probationaryAdmittedBetween(trx, {
    scope: access.within('member.manage', 'member.org_id'),
    admittedAfter,
    admittedBy,
    limit: LIMIT,
  });
  return rows.map((r): TodoItem => {
    const due = addMonthsToDate(r.joinedOn, 12 * TODO_RULES.probationYears);
    const left = daysBetween(today, due);
    return {
      kind: 'probation-due',
      title: `${r.name}（${r.orgName}）预备期${left < 0 ? '已' : '将'}于${due}届满，请讨论转正`,
      detail: left < 0 ? `已超过${-left}天` : `还有${left}天`,
      href: `/members/${r.id}`,
      due,
      orgId: r.orgId,
    };
  });
};

/**
 * Members of the user's own branch with dues unpaid for the whole run that triggers the warning (3 ended
 * months by default), one item per branch. Dues are collected by the branch, so this reads the branches the
 * user's grants sit on (not a committee's whole subtree: a district has hundreds of branches, each with its
 * own secretary); it is an index probe per member of those branches.
 */
export const duesArrearsTodos: TodoSource = async ({ trx, access, today }) => {
  const current = monthOf(today);
  const last = addMonths(current, -1);
  const rules = duesRulesFor(last);
  const first = addMonths(current, -rules.warnFromMonths);
  const orgIds = [...new Set(access.grants.filter((g) => g.orgId !== null).map((g) => g.orgId as string))];
  if (orgIds.length === 0) return [];
  const branches = await activeBranchesAmong(trx, orgIds);
  const items: TodoItem[] = [];
  for (const b of branches) {
    if (!(await access.can('dues.manage', b.id))) continue;
    const n = await membersInArrears(trx, b.id, { first, last, joinedBefore: `${addMonths(first, 1)}-01` });
    if (n > 0) {
      items.push({
        kind: 'dues-arrears',
        title: `${b.name}有${n}名党员连续${rules.warnFromMonths}个月以上未交纳党费`,
        detail: `${first} 至 ${last}`,
        href: `/dues?orgId=${b.id}&month=${last}`,
        orgId: b.id,
      });
    }
  }
  return items;
};

/** Transfers whose receipt (回执) or letter is overdue, on either side the user handles. */
export const transferOverdueTodos: TodoSource = async ({ trx, access, today }) => {
  const rows = await overdueTransfers(trx, access, today, LIMIT);
  return rows.map(
    (t): TodoItem => ({
      kind: 'transfer-overdue',
      title: `${t.memberName}的组织关系转接${t.flags.expired ? '介绍信已过期' : '回执已逾期'}`,
      detail: `介绍信 ${t.letterNo}，回执应于 ${t.receiptDue} 前返回`,
      href: '/transfers?box=overdue',
      due: t.receiptDue,
      ...(t.fromOrg ? { orgId: t.fromOrg.id } : t.toOrg ? { orgId: t.toOrg.id } : {}),
    }),
  );
};
