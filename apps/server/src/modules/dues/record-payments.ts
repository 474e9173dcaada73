import {
  duesRulesFor,
  formatYuan,
  isLargePayment,
  monthOf,
  paymentMonthIssue,
  type recordDuesPaymentsBody,
} from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { coversSubtree } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { AppError, conflict, type FieldError, invalid } from '../../platform/http/errors.js';
import {
  emptyFacts,
  findMembersUnder,
  insertPayments,
  loadDuesFacts,
  monthDue,
  type NewPayment,
  startMonth,
} from './dues.repository.js';

type Body = z.output<typeof recordDuesPaymentsBody>;

/**
 * Records one month's payments for members of a branch — one or many — in one transaction: every row is
 * checked first and one bad row writes nothing (the 400 names each row at fault as `items.<i>.<field>`).
 */
export async function recordPayments(ctx: Ctx, body: Body) {
  const today = beijingDate(ctx.clock.now());
  const rules = duesRulesFor(body.month);
  const monthIssue = paymentMonthIssue(body.month, monthOf(today), rules);
  if (monthIssue) throw invalid('month', monthIssue);
  if (body.paidOn > today) throw invalid('paidOn', '缴纳日期不能晚于今天');
  if (body.paidOn < `${body.month}-01`) throw invalid('paidOn', `缴纳日期不能早于所属月份（${body.month}）`);

  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('dues.manage', body.orgId, '党组织');
    const whole = await coversSubtree(access, 'dues.manage', body.orgId, trx);
    const ids = body.items.map((i) => i.memberId);
    const members = await findMembersUnder(trx, ids, body.orgId);
    const byId = new Map(members.map((m) => [m.id, m]));
    const facts = await loadDuesFacts(trx, (eb) => eb('member.id', 'in', ids), body.month, body.month);

    const fields: FieldError[] = [];
    const seen = new Set<string>();
    const rows: NewPayment[] = [];
    for (const [i, item] of body.items.entries()) {
      const at = (field: string, message: string) => fields.push({ path: `items.${i}.${field}`, message });
      const m = byId.get(item.memberId);
      if (seen.has(item.memberId)) {
        at('memberId', '同一党员在本次登记中重复出现');
        continue;
      }
      seen.add(item.memberId);
      if (!m || m.archived_at !== null || (!whole && !(await access.can('dues.manage', m.org_id)))) {
        at('memberId', '该党员不在本组织的党员名册中');
        continue;
      }
      const f = facts.get(m.id) ?? emptyFacts();
      const start = startMonth(m.joined_on, f.profiles);
      if (start && body.month < start) {
        at('memberId', `${m.name}自${start}起缴纳党费，此前无须登记`);
        continue;
      }
      if (f.payments.has(body.month)) {
        at('memberId', `${m.name}的${body.month}党费已登记（如需更正请先撤销原记录）`);
        continue;
      }
      const due = monthDue(f, body.month).dueFen;
      const amount = item.amountFen ?? due;
      if (amount === null) {
        at('amountFen', `${m.name}尚未设置党费基数，请先设置或填写缴纳金额`);
        continue;
      }
      if (amount <= 0) {
        at('amountFen', due === 0 ? `${m.name}本月经批准免交，无须登记` : '缴纳金额须大于0');
        continue;
      }
      if (due !== null && amount !== due && !item.note) {
        at('note', `${m.name}缴纳金额与应缴${formatYuan(due)}不同，请填写说明`);
        continue;
      }
      rows.push({
        id: uuidv7(),
        member_id: m.id,
        org_id: m.org_id,
        month: body.month,
        amount_fen: amount,
        due_fen: due,
        paid_on: body.paidOn,
        note: item.note,
        large: isLargePayment(amount, rules),
        recorded_at: ctx.clock.now().toISOString(),
        recorded_by: access.user!.id,
        recorded_by_name: access.user!.displayName,
        revoked_at: null,
        revoked_by_name: null,
        revoke_reason: null,
      });
    }
    if (fields.length) {
      const message = fields.length === 1 ? fields[0]!.message : `有${fields.length}处需要修改，未登记任何缴纳记录`;
      throw new AppError(400, 'validation_failed', message, fields);
    }
    try {
      await insertPayments(trx, rows);
    } catch (e) {
      // Someone recorded one of these members for the month at the same moment (the unique index caught it).
      if (isUniqueViolation(e)) throw conflict('部分党员的本月党费刚被他人登记，请刷新后重试');
      throw e;
    }
    const totalFen = rows.reduce((sum, r) => sum + r.amount_fen, 0);
    const largeCount = rows.filter((r) => r.large).length;
    await ctx.audit.record(trx, ctx.actor, {
      type: 'dues.payment',
      orgId: body.orgId,
      objectType: 'org',
      objectId: body.orgId,
      detail: { month: body.month, paidOn: body.paidOn, count: rows.length, totalFen, largeCount },
    });
    return { count: rows.length, totalFen, largeCount };
  });
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err.code === '23505' || err.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint/i.test(err.message ?? '');
}
