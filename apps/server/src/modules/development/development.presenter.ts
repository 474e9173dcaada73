import { addDays, DEVELOPMENT_RULES, type PersonSummary, STEP_COUNT } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DevelopmentRow } from './development.repository.js';

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
    overdue: due !== null && due < today,
    upcoming: due !== null && due >= today && due <= addDays(today, DEVELOPMENT_RULES.upcomingDays),
    keyTalent: isKeyTalent(r),
  };
}

export async function orgNames(db: Db | Trx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const noticeState = (n: { starts_on: string; ends_on: string }, today: string) =>
  today < n.starts_on ? ('upcoming' as const) : today > n.ends_on ? ('ended' as const) : ('open' as const);

export function presentNotice(
  n: {
    id: string;
    development_id: string;
    org_id: string;
    purpose: 'admission' | 'confirmation';
    starts_on: string;
    ends_on: string;
    working_days: number;
    scope: string | null;
    objections: { received_on: string; content: string; finding: string | null; upheld: number }[];
  },
  personName: string,
  orgName: string,
  today: string,
) {
  return {
    id: n.id,
    developmentId: n.development_id,
    personName,
    orgId: n.org_id,
    orgName,
    purpose: n.purpose,
    startsOn: n.starts_on,
    endsOn: n.ends_on,
    workingDays: n.working_days,
    scope: n.scope,
    objections: n.objections.map((o) => ({
      receivedOn: o.received_on,
      content: o.content,
      finding: o.finding,
      upheld: o.upheld === 1,
    })),
    state: noticeState(n, today),
  };
}
