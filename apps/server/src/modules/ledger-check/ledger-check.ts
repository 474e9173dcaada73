import { LEDGER_CHECK_RULES, type LedgerCheckQuery, type LedgerCheckResponse } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { memberConditions } from '../members/member-filter.js';
import { findOrg } from '../orgs/org.repository.js';
import { checkDuplicates } from './duplicate-findings.js';
import { FindingCollector } from './findings.js';
import { orgScope } from './ledger-check.repository.js';
import { checkMembers } from './member-findings.js';
import { checkOrgs } from './org-findings.js';

/**
 * 台账体检: the findings about the active records and the branches of one org's subtree, or of the user's whole
 * member.read scope. The scope comes from the access module (`memberConditions` for records, `within` for
 * orgs), so a check never reaches a record the member list would not show. Read-only; no personal data leaves
 * it unmasked. Queries: the authorization, the record batches (one per thousand), one for duplicates, one for
 * the orgs.
 */
export async function runLedgerCheck(ctx: Ctx, query: LedgerCheckQuery): Promise<LedgerCheckResponse> {
  const access = ctx.access;
  if (!query.orgId) access.requireAnywhere('member.read');
  // With an org, this authorizes it first: 404 when invisible, 403 when visible but not readable.
  const members = await memberConditions(ctx, { orgId: query.orgId });
  const orgs = orgScope(access, query.orgId);
  const today = beijingDate(ctx.clock.now());
  const found = new FindingCollector(LEDGER_CHECK_RULES.maxFindingsPerKind);

  const membersChecked = await checkMembers(ctx, members, today, found);
  await checkDuplicates(ctx, members, found);
  const orgsChecked = await checkOrgs(ctx, orgs, today, found);
  const scopeOrg = query.orgId ? await findOrg(ctx.db, query.orgId) : undefined;

  return {
    today,
    scope: { orgId: query.orgId ?? null, orgName: scopeOrg?.name ?? null },
    membersChecked,
    orgsChecked,
    totals: found.totals,
    limitPerKind: found.limit,
    findings: found.list(),
  };
}
