import { z } from 'zod';
import { LEDGER_CHECK_KINDS, LEDGER_CHECK_SEVERITIES } from './ledger-check-rules.js';
import { ORG_KINDS } from './org-kinds.js';

export * from './ledger-check-rules.js';

/** GET /api/ledger-check: one org's subtree, or (without orgId) the user's whole member.read scope. */
export const ledgerCheckQuery = z.object({ orgId: z.string().uuid('编号格式不正确').optional() }).strict();
export type LedgerCheckQuery = z.input<typeof ledgerCheckQuery>;

const memberSubject = z.object({
  type: z.literal('member'),
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** Masked (DP-04): the check never returns a plaintext ID number. */
  idNumberMasked: z.string().nullable(),
});
const orgSubject = z.object({ type: z.literal('org'), id: z.string(), name: z.string(), kind: z.enum(ORG_KINDS) });

export const ledgerFinding = z.object({
  kind: z.enum(LEDGER_CHECK_KINDS),
  severity: z.enum(LEDGER_CHECK_SEVERITIES),
  subject: z.discriminatedUnion('type', [memberSubject, orgSubject]),
  /** What is wrong and what to do, in Chinese. */
  message: z.string(),
});
export type LedgerFinding = z.infer<typeof ledgerFinding>;

export const ledgerCheckResponse = z.object({
  /** The Beijing date the rules were applied on. */
  today: z.string(),
  scope: z.object({ orgId: z.string().nullable(), orgName: z.string().nullable() }),
  membersChecked: z.number().int(),
  orgsChecked: z.number().int(),
  /** The true number of findings of each kind (the list holds at most `limitPerKind` of each). */
  totals: z.record(z.enum(LEDGER_CHECK_KINDS), z.number().int()),
  limitPerKind: z.number().int(),
  findings: z.array(ledgerFinding),
});
export type LedgerCheckResponse = z.infer<typeof ledgerCheckResponse>;
