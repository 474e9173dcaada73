import { addMonths, type DuesCategory, duesRulesFor, isLargePayment, monthOf } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { findUserIdByUsername } from '../modules/accounts/account.repository.js';
import {
  insertPayments,
  insertProfiles,
  insertReduction,
  monthDue,
  type NewPayment,
  type ProfileFacts,
  type ReductionFacts,
  reductionOrgs,
} from '../modules/dues/dues.repository.js';
import { listActiveMembers } from '../modules/members/member.repository.js';
import type { Trx } from '../platform/db/connect.js';
import type { DuesProfileTable } from '../platform/db/types.js';
import { prng } from './names.js';

const MONTHS_OF_HISTORY = 12;
const SEEDER = '演示数据';

export interface DemoDuesOptions {
  orgIds: Map<string, string>;
  /** Demo members who keep a clean record (the demo accounts). */
  exemplary: readonly string[];
  today: string;
  at: string;
}

/**
 * Dues for every active demo member: a profile (mostly employees with bases of 3,000–20,000 元, some retirees, a
 * few students and unemployed), some raises during the year, payments for the past 12 months with most members
 * up to date and a few 3–6+ months behind, one 大额党费, one approved reduction and one awaiting the district.
 */
export async function seedDemoDues(trx: Trx, o: DemoDuesOptions): Promise<{ profiles: number; payments: number }> {
  const rand = prng(2008);
  // The branch secretary asks for the pending reduction; the district admin decided the earlier one.
  const userId = (username: string) => findUserIdByUsername(trx, username);
  const secretaryId = await userId('secretary');
  const districtAdminId = await userId('jiangyang_admin');
  const current = monthOf(o.today);
  const first = addMonths(current, -(MONTHS_OF_HISTORY - 1));
  const members = await listActiveMembers(trx);
  const profiles: DuesProfileTable[] = [];
  const payments: NewPayment[] = [];
  const profileOf = new Map<string, ProfileFacts[]>();
  const yunzhi = o.orgIds.get('jy-yunzhi');
  const jiucheng = o.orgIds.get('jy-jiucheng');
  let pendingFor: string | null = null;
  let approvedFor: string | null = null;
  let largeDone = false;

  for (const m of members) {
    const start = m.joined_on ? monthOf(m.joined_on) : first;
    const { category, baseFen, fixedFen } = pickProfile(rand);
    const rows: ProfileFacts[] = [
      { id: uuidv7(), member_id: m.id, from_month: start, category, base_fen: baseFen, fixed_fen: fixedFen, set_at: o.at },
    ];
    // About one employee in six had a raise this year: the new base applies from that month.
    if (category === 'employee' && baseFen !== null && rand() < 0.16) {
      const from = addMonths(current, -Math.floor(rand() * 10));
      if (from > start)
        rows.push({
          ...rows[0]!,
          id: uuidv7(),
          from_month: from,
          base_fen: Math.min(2_000_000, roundTo50(baseFen * (1.05 + rand() * 0.2))),
        });
    }
    profileOf.set(m.id, rows);
    for (const r of rows)
      profiles.push({ ...r, note: r === rows[0] ? '依据原党费台账录入' : '工资调整', set_by: null, set_by_name: SEEDER });
    if (!pendingFor && m.org_id === yunzhi && category === 'employee' && !o.exemplary.includes(m.name)) pendingFor = m.id;
    else if (!approvedFor && m.org_id === jiucheng && category === 'employee') approvedFor = m.id;
  }

  const reductions: ReductionFacts[] = [];
  if (approvedFor) {
    reductions.push({
      id: uuidv7(),
      member_id: approvedFor,
      from_month: addMonths(current, -4),
      to_month: addMonths(current, -2),
      amount_fen: 0,
      reason: '因病长期住院治疗，收入中断，申请免交3个月党费',
      status: 'approved',
    });
  }

  for (const m of members) {
    const f = { profiles: profileOf.get(m.id)!, reductions: reductions.filter((r) => r.member_id === m.id) };
    const start = f.profiles[0]!.from_month;
    // Most are up to date; some forgot one month; a few are 3–5 months behind, fewer 6 or more (自行脱党 review).
    // "Behind" counts ended months: those members have not paid the current month either.
    const clean = o.exemplary.includes(m.name);
    const p = rand();
    const behind = clean ? 0 : p < 0.05 ? 3 + Math.floor(rand() * 3) : p < 0.075 ? 6 + Math.floor(rand() * 4) : 0;
    const skipped = !clean && behind === 0 && rand() < 0.1 ? addMonths(current, -2 - Math.floor(rand() * 8)) : null;
    const paysCurrent = clean || rand() < 0.55;
    for (let month = first; month <= current; month = addMonths(month, 1)) {
      if (month < start || month === skipped) continue;
      if (behind > 0 && month >= addMonths(current, -behind)) continue;
      if (month === current && (!paysCurrent || behind > 0)) continue;
      const due = monthDue(f, month).dueFen ?? 0;
      if (due === 0) continue;
      let amount = due;
      let note: string | null = null;
      if (!largeDone && month === addMonths(current, -1) && !clean && m.org_id === yunzhi) {
        amount = 200_000;
        note = '自愿多交党费';
        largeDone = true;
      }
      const day = Math.min(5 + Math.floor(rand() * 20), month === current ? Number(o.today.slice(8, 10)) : 28);
      payments.push({
        id: uuidv7(),
        member_id: m.id,
        org_id: m.org_id,
        month,
        amount_fen: amount,
        due_fen: due,
        paid_on: `${month}-${String(day).padStart(2, '0')}`,
        note,
        large: isLargePayment(amount, duesRulesFor(month)),
        recorded_at: o.at,
        recorded_by: null,
        recorded_by_name: SEEDER,
        revoked_at: null,
        revoked_by_name: null,
        revoke_reason: null,
      });
    }
  }

  await insertProfiles(trx, profiles, 500);
  await insertPayments(trx, payments, 500);
  const reductionRow = async (r: ReductionFacts, orgKey: string, decided: boolean) => {
    const orgId = o.orgIds.get(orgKey)!;
    const { approverOrgId } = await reductionOrgs(trx, orgId);
    await insertReduction(trx, {
      ...r,
      org_id: orgId,
      approver_org_id: approverOrgId,
      requested_at: o.at,
      requested_by: decided ? null : secretaryId,
      requested_by_name: decided ? SEEDER : '张志强',
      decided_at: decided ? o.at : null,
      decided_by: decided ? districtAdminId : null,
      decided_by_name: decided ? '李红梅' : null,
      decision_note: decided ? '情况属实，同意免交' : null,
    });
  };
  if (reductions[0]) await reductionRow(reductions[0], 'jy-jiucheng', true);
  if (pendingFor) {
    await reductionRow(
      {
        id: uuidv7(),
        member_id: pendingFor,
        from_month: current,
        to_month: addMonths(current, 2),
        amount_fen: 0,
        reason: '配偶重病住院，家庭收入锐减，申请免交3个月党费',
        status: 'pending',
      },
      'jy-yunzhi',
      false,
    );
  }
  return { profiles: profiles.length, payments: payments.length };
}

function pickProfile(rand: () => number): { category: DuesCategory; baseFen: number | null; fixedFen: number | null } {
  const p = rand();
  if (p < 0.86) return { category: 'employee', baseFen: roundTo50(300_000 + rand() ** 1.8 * 1_700_000), fixedFen: null };
  if (p < 0.93) return { category: 'retiree', baseFen: roundTo50(250_000 + rand() * 450_000), fixedFen: null };
  if (p < 0.96) return { category: 'student', baseFen: null, fixedFen: null };
  if (p < 0.985) return { category: 'unemployed', baseFen: null, fixedFen: null };
  return { category: 'farmer', baseFen: null, fixedFen: 20 + Math.floor(rand() * 5) * 20 };
}

/** Bases as payroll shows them: whole multiples of 50 元. */
const roundTo50 = (fen: number) => Math.round(fen / 5000) * 5000;
