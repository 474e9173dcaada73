import { addMonths, type MyOverview } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { loadDuesFacts, monthDue, startMonth } from '../dues/dues.repository.js';
import { myStudyHours } from '../learning/my-study-hours.js';
import { loadCommittee } from '../orgs/committee.repository.js';
import {
  developmentOf,
  latestAppraisalEntry,
  linkedMember,
  meetingsOf,
  transfersOf,
  upcomingRegistrations,
} from './my.repository.js';

/** This year's months up to now: which are paid, which are owed (by the dues rules, after any reduction). */
async function myDues(ctx: Ctx, memberId: string, joinedOn: string | null, today: string) {
  const year = Number(today.slice(0, 4));
  const thisMonth = today.slice(0, 7);
  const facts = (await loadDuesFacts(ctx.db, (eb) => eb('member.id', '=', memberId), `${year}-01`, thisMonth)).get(memberId);
  if (!facts) return { year, paid: [], owed: [] };
  const first = startMonth(joinedOn, facts.profiles);
  const paid: string[] = [];
  const owed: { month: string; dueFen: number }[] = [];
  for (let m = `${year}-01`; m <= thisMonth; m = addMonths(m, 1)) {
    if (first && m < first) continue;
    if (facts.payments.has(m)) paid.push(m);
    else {
      const due = monthDue(facts, m).dueFen;
      if (due !== null && due > 0) owed.push({ month: m, dueFen: due });
    }
  }
  return { year, paid, owed };
}

/**
 * 我的: the caller's own branch and secretary, meetings and attendance, study hours, events, dues, appraisal,
 * development file and transfers — read through the owning modules' repositories, for the linked member only.
 */
export async function myOverview(ctx: Ctx): Promise<MyOverview> {
  const user = ctx.access.user!;
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const member = await linkedMember(ctx.db, user.id);
  const hours = await myStudyHours(ctx);
  const events = await upcomingRegistrations(ctx.db, user.id, now.toISOString());
  const base = {
    displayName: user.displayName,
    studyHours: { year: hours.year, hours: hours.hours, target: hours.target, remaining: hours.remaining },
    events: events.map((e) => ({
      id: e.id,
      title: e.title,
      startsAt: e.starts_at,
      place: e.place,
      status: e.status,
      queuePosition: e.queue_position,
      checkedInAt: e.checked_in_at,
    })),
  };
  if (!member) {
    return {
      ...base,
      linked: false,
      member: null,
      secretary: null,
      meetings: [],
      dues: null,
      appraisal: null,
      development: null,
      transfers: [],
    };
  }
  const committee = await loadCommittee(ctx.db, member.org_id);
  const appraisal = await latestAppraisalEntry(ctx.db, member.id);
  const development = await developmentOf(ctx.db, member.id);
  return {
    ...base,
    linked: true,
    member: {
      name: member.name,
      orgId: member.org_id,
      orgName: member.org_name,
      status: member.status,
      joinedOn: member.joined_on,
    },
    secretary: committee?.members.find((m) => m.duty === 'secretary')?.name ?? null,
    meetings: (await meetingsOf(ctx.db, member.id, 10)).map((m) => ({
      id: m.id,
      kind: m.kind,
      status: m.status,
      heldOn: m.held_on,
      topics: m.topics,
      attendance: m.attendance,
    })),
    dues: await myDues(ctx, member.id, member.joined_on, today),
    appraisal: appraisal
      ? {
          id: appraisal.id,
          year: appraisal.year,
          open: appraisal.status === 'open',
          selfAssessed: !!appraisal.self_assessment,
          mutualCounted: appraisal.mutual_excellent !== null,
          grade: appraisal.grade,
        }
      : null,
    development: development ? { stage: development.stage, status: development.status } : null,
    transfers: (await transfersOf(ctx.db, member.id)).map((t) => ({
      id: t.id,
      direction: t.direction,
      status: t.status,
      issuedOn: t.issued_on,
      validUntil: t.valid_until,
      counterpart: t.direction === 'in' ? (t.external_org_name ?? t.from_name) : (t.to_name ?? t.external_org_name),
    })),
  };
}
