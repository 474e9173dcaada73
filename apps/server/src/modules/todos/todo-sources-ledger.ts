import { addMonths, addMonthsToDate, daysBetween, duesRulesFor, monthOf, TODO_RULES } from '@tongxin/contracts';
import { type SqlBool, sql } from 'kysely';
import { termsEnding } from '../orgs/term-reminders.js';
import { overdueTransfers } from '../transfers/overdue-transfers.js';
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
  const rows = await trx
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.joined_on', 'member.org_id', 'org.name as org_name'])
    .where('member.status', '=', 'probationary')
    .where('member.archived_at', 'is', null)
    .where('member.joined_on', 'is not', null)
    .where('member.joined_on', '<=', admittedBy)
    .where('member.joined_on', '>', admittedAfter)
    .where(access.within('member.manage', 'member.org_id'))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('development as d')
            .select('d.id')
            .whereRef('d.member_id', '=', 'member.id')
            .where('d.status', '=', 'active'),
        ),
      ),
    )
    .orderBy('member.joined_on')
    .orderBy('member.id')
    .limit(LIMIT)
    .execute();
  return rows.map((r): TodoItem => {
    const due = addMonthsToDate(r.joined_on!, 12 * TODO_RULES.probationYears);
    const left = daysBetween(today, due);
    return {
      kind: 'probation-due',
      title: `${r.name}（${r.org_name}）预备期${left < 0 ? '已' : '将'}于${due}届满，请讨论转正`,
      detail: left < 0 ? `已超过${-left}天` : `还有${left}天`,
      href: `/members/${r.id}`,
      due,
      orgId: r.org_id,
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
  const branches = await trx
    .selectFrom('org')
    .select(['id', 'name'])
    .where('id', 'in', orgIds)
    .where('kind', 'in', ['branch', 'joint_branch', 'general_branch'])
    .where('status', '=', 'active')
    .execute();
  const items: TodoItem[] = [];
  for (const b of branches) {
    if (!(await access.can('dues.manage', b.id))) continue;
    const counted = await trx
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(sql<SqlBool>`member.org_id in (select c.descendant_id from org_closure as c where c.ancestor_id = ${b.id})`)
      .where('member.archived_at', 'is', null)
      .where((eb) => eb.or([eb('member.joined_on', 'is', null), eb('member.joined_on', '<', `${addMonths(first, 1)}-01`)]))
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('dues_profile as p')
            .select('p.id')
            .whereRef('p.member_id', '=', 'member.id')
            .where('p.from_month', '<=', first),
        ),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('dues_payment as pay')
              .select('pay.id')
              .whereRef('pay.member_id', '=', 'member.id')
              .where('pay.revoked_at', 'is', null)
              .where('pay.month', '>=', first)
              .where('pay.month', '<=', last),
          ),
        ),
      )
      // A month reduced to nothing by an approved reduction is settled: it breaks the run.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('dues_reduction as r')
              .select('r.id')
              .whereRef('r.member_id', '=', 'member.id')
              .where('r.status', '=', 'approved')
              .where('r.amount_fen', '=', 0)
              .where('r.from_month', '<=', last)
              .where('r.to_month', '>=', first),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    const n = Number(counted.n);
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
