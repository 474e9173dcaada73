import {
  LEDGER_CHECK_KINDS,
  LEDGER_CHECK_SEVERITIES,
  type LedgerCheckKind,
  type LedgerFinding,
  type LedgerFindingDraft,
} from '@tongxin/contracts';

const rank = (f: LedgerFinding) => LEDGER_CHECK_SEVERITIES.indexOf(f.severity);

/**
 * The findings of one check: every finding is counted, at most `limit` of each kind are kept. When a kind is
 * full, a more serious finding takes the place of a milder one, so the list never hides a severe case behind
 * the cap.
 */
export class FindingCollector {
  private readonly kept = new Map<LedgerCheckKind, LedgerFinding[]>();
  readonly totals = Object.fromEntries(LEDGER_CHECK_KINDS.map((k) => [k, 0])) as Record<LedgerCheckKind, number>;

  constructor(readonly limit: number) {}

  add(draft: LedgerFindingDraft, subject: LedgerFinding['subject']): void {
    const finding: LedgerFinding = { ...draft, subject };
    this.totals[draft.kind] += 1;
    const list = this.kept.get(draft.kind) ?? [];
    this.kept.set(draft.kind, list);
    if (list.length < this.limit) {
      list.push(finding);
      return;
    }
    const mildest = list.reduce((worst, f, i) => (rank(f) > rank(list[worst]!) ? i : worst), 0);
    if (rank(list[mildest]!) > rank(finding)) list[mildest] = finding;
  }

  /** The kept findings: by kind, then the most serious first, then by org and name (as a worker goes through them). */
  list(): LedgerFinding[] {
    const key = (f: LedgerFinding) =>
      f.subject.type === 'member' ? `${f.subject.orgName}\u0000${f.subject.name}` : f.subject.name;
    return LEDGER_CHECK_KINDS.flatMap((kind) =>
      [...(this.kept.get(kind) ?? [])].sort((a, b) => rank(a) - rank(b) || key(a).localeCompare(key(b), 'zh-CN')),
    );
  }
}
