import { addDays, DEVELOPMENT_RULES, type PersonSummary, STEP, STEP_COUNT } from '@tongxin/contracts';
import type { DevelopmentNotice, DevelopmentRow } from './development.repository.js';

export const isKeyTalent = (r: Pick<DevelopmentRow, 'talent_industry_leader' | 'talent_founder' | 'talent_key_dept_head'>) =>
  r.talent_industry_leader === 1 || r.talent_founder === 1 || r.talent_key_dept_head === 1;

/** A file as the board and lists show it: the next step and whether its deadline has passed or is near. */
export function presentSummary(r: DevelopmentRow, orgName: string, today: string): PersonSummary {
  const active = r.status === 'active';
  const due = active ? r.next_due : null;
  return {
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgName,
    gender: r.gender,
    employerName: r.employer_name,
    stage: r.stage,
    status: r.status,
    lastStep: r.last_step,
    nextStep: active && r.last_step < STEP_COUNT ? r.last_step + 1 : null,
    due,
    dueIsReview: due !== null && r.last_step >= STEP.activist && r.last_step < STEP.candidate,
    overdue: due !== null && due < today,
    upcoming: due !== null && due >= today && due <= addDays(today, DEVELOPMENT_RULES.upcomingDays),
    keyTalent: isKeyTalent(r),
  };
}

export const noticeState = (n: { startsOn: string; endsOn: string }, today: string) =>
  today < n.startsOn ? ('upcoming' as const) : today > n.endsOn ? ('ended' as const) : ('open' as const);

export function presentNotice(n: DevelopmentNotice, personName: string, orgName: string, today: string) {
  return {
    id: n.id,
    developmentId: n.developmentId,
    personName,
    orgId: n.orgId,
    orgName,
    purpose: n.purpose,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    workingDays: n.workingDays,
    scope: n.scope,
    objections: n.objections,
    state: noticeState(n, today),
  };
}
