import { coverageRulesOn, type EnterpriseDetail } from '@tongxin/contracts';
import { enterpriseAbilities, loadEnterprise } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentEnterprise } from './enterprise.presenter.js';
import { memberCounts } from './enterprise.repository.js';
import { contactsOf } from './enterprise-account.repository.js';
import { findListedEnterprise } from './enterprise-list.repository.js';
import { presentAssignment, presentLog } from './instructor.presenter.js';
import { assignmentsOf, recentLogs } from './instructor.repository.js';

/** One enterprise with its organisation, members, contacts, instructors and recent work log. */
export async function getEnterprise(ctx: Ctx, id: string): Promise<EnterpriseDetail> {
  const today = beijingDate(ctx.clock.now());
  const rules = coverageRulesOn(today);
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await loadEnterprise(trx, access, id, today);
    const e = await findListedEnterprise(trx, id);
    const counts = await memberCounts(trx, id);
    const contacts = await contactsOf(trx, id);
    const assignments = await assignmentsOf(trx, id, rules, 20);
    const logs = await recentLogs(trx, id, 10);
    return {
      ...presentEnterprise(e, today),
      address: e.address,
      mainBusiness: e.mainBusiness,
      foundedOn: e.foundedOn,
      legalRepresentative: e.legalRepresentative,
      contactName: e.contactName,
      archiveReason: e.archiveReason,
      version: e.version,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      memberCount: counts.all,
      fullMemberCount: counts.full,
      shouldFormBranch: e.coverageKind !== 'own' && counts.full >= rules.ownBranchFromFullMembers,
      contacts,
      assignments: assignments.map((a) => presentAssignment(a, today, rules)),
      recentLogs: logs.map(presentLog),
      abilities: await enterpriseAbilities(trx, access, row, today),
    };
  });
}
