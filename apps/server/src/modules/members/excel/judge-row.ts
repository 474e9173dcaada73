import { checkMemberFacts, createMemberBody, type MemberFacts, type MemberInput } from '@tongxin/contracts';
import type { LedgerKey } from './ledger-columns.js';
import type { LedgerDraft, RowIssue } from './ledger-row.js';

/** The placeholder org id a row is judged with while its org name is unresolved (its own issue says why). */
const NO_ORG = '00000000-0000-4000-8000-000000000000';

const KEY_OF_FIELD: Record<string, LedgerKey> = { orgId: 'org' };

/**
 * IN-07: a ledger row passes through the same zod schema as POST /api/members and the same cross-field checks
 * (checkMemberFacts), so a row the importer accepts is a record the form would accept. Fields whose cell could
 * not even be read carry that message alone.
 */
export function judgeRow(
  draft: LedgerDraft,
  orgId: string | null,
  today: string,
): { input: MemberInput | null; issues: RowIssue[] } {
  const issues: RowIssue[] = [...draft.issues];
  const unreadable = new Set(issues.map((i) => i.key));
  const parsed = createMemberBody.safeParse({ ...draft.fields, orgId: orgId ?? NO_ORG });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const key = (KEY_OF_FIELD[field] ?? field) as LedgerKey;
      if (unreadable.has(key) || issues.some((i) => i.key === key)) continue;
      issues.push({ key, message: issue.message });
    }
    // The cross-field checks still run on the fields that did pass, so one report lists all a row's faults.
    const bad = new Set(issues.map((i) => i.key));
    for (const fact of partialFacts(draft.fields, bad, today)) {
      if (!issues.some((i) => i.key === fact.key)) issues.push(fact);
    }
    return { input: null, issues };
  }
  for (const fact of checkMemberFacts(parsed.data, today)) {
    const key = fact.field as LedgerKey;
    if (!issues.some((i) => i.key === key && i.message === fact.message)) issues.push({ key, message: fact.message });
  }
  if (issues.length || orgId === null) return { input: null, issues };
  return { input: parsed.data, issues };
}

/** What each cross-field check reads: its issue counts only when all of these were read cleanly. */
const DEPENDS: Record<string, LedgerKey[]> = {
  idNumber: ['idNumber'],
  birthDate: ['idNumber', 'birthDate'],
  gender: ['idNumber', 'gender'],
  phone: ['phone'],
  joinedOn: ['joinedOn', 'birthDate'],
  fullOn: ['fullOn', 'joinedOn', 'status'],
};

function partialFacts(fields: Record<string, unknown>, bad: Set<LedgerKey>, today: string): RowIssue[] {
  const text = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : undefined);
  const usable = (k: LedgerKey) => !bad.has(k) && (fields[k] !== undefined || k === 'fullOn' || k === 'phone');
  const facts: MemberFacts = {
    idNumber: text('idNumber') ?? '',
    birthDate: text('birthDate') ?? '1900-01-01',
    gender: fields.gender === 'female' ? 'female' : 'male',
    phone: text('phone') ?? null,
    joinedOn: text('joinedOn') ?? '1990-01-01',
    fullOn: text('fullOn') ?? null,
    status: fields.status === 'probationary' ? 'probationary' : 'full',
  };
  return checkMemberFacts(facts, today)
    .filter((f) => (DEPENDS[f.field] ?? [f.field as LedgerKey]).every(usable))
    .map((f) => ({ key: f.field as LedgerKey, message: f.message }));
}
