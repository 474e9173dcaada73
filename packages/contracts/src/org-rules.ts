import type { OrgKind } from './org-kinds.js';

export interface OrgWarning {
  code: string;
  message: string;
}

/** DOMAIN.md's set-up rules, as data so a city can change them. */
export const ORG_RULES = {
  minFullMembersForBranch: 3,
  committeeRequiredAt: 7,
  committeeMinSize: 3,
  committeeMaxSize: 7,
  generalBranchSuggestedAt: 50,
  termYears: 3,
  termReminderDays: 90,
} as const;

export interface OrgWarningInput {
  kind: OrgKind;
  fullMembers: number;
  committeeSize: number | null;
  termEnd: string | null;
  today: string;
}

const BRANCH_KINDS: readonly OrgKind[] = ['branch', 'joint_branch', 'general_branch'];

/** Warnings about an org's set-up, from DOMAIN.md ("Organisations"). Pure: dates are YYYY-MM-DD strings. */
export function orgWarnings(input: OrgWarningInput, rules = ORG_RULES): OrgWarning[] {
  const out: OrgWarning[] = [];
  if (!BRANCH_KINDS.includes(input.kind)) return out;
  const size = input.committeeSize ?? 0;
  if (input.kind !== 'general_branch' && input.fullMembers < rules.minFullMembersForBranch) {
    out.push({ code: 'too_few_members', message: `正式党员不足${rules.minFullMembersForBranch}名，不符合单独成立党支部的条件` });
  }
  if (input.fullMembers >= rules.committeeRequiredAt && (size < rules.committeeMinSize || size > rules.committeeMaxSize)) {
    out.push({
      code: 'committee_required',
      message: `正式党员${input.fullMembers}名（≥${rules.committeeRequiredAt}名），应设立${rules.committeeMinSize}至${rules.committeeMaxSize}人的支部委员会`,
    });
  }
  if (input.kind !== 'general_branch' && input.fullMembers >= rules.generalBranchSuggestedAt) {
    out.push({ code: 'general_branch_suggested', message: `党员达到${rules.generalBranchSuggestedAt}名以上，可考虑设立党总支` });
  }
  if (input.termEnd !== null) {
    const days = daysBetween(input.today, input.termEnd);
    if (days < 0) out.push({ code: 'term_expired', message: `支部委员会已于${input.termEnd}任期届满，请及时换届` });
    else if (days <= rules.termReminderDays)
      out.push({ code: 'term_ending', message: `支部委员会将于${input.termEnd}任期届满（还有${days}天），请做好换届准备` });
  }
  return out;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A term of `years` from `start` ends the day before the same date `years` later (29 Feb → 28 Feb). */
export function termEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  end.setUTCDate(Math.min(d, lastDay));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
