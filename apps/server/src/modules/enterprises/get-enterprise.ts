import { coverageRulesOn, type EnterpriseDetail } from '@tongxin/contracts';
import { enterpriseAbilities, loadEnterprise } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentEnterprise, selectEnterprises } from './enterprise.presenter.js';
import { presentAssignment, presentLog, selectAssignments, selectLogs } from './instructor.repository.js';

/** One enterprise with its organisation, members, contacts, instructors and recent work log. */
export async function getEnterprise(ctx: Ctx, id: string): Promise<EnterpriseDetail> {
  const today = beijingDate(ctx.clock.now());
  const rules = coverageRulesOn(today);
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterprise(trx, access, id, today);
    const row = await selectEnterprises(trx.selectFrom('enterprise')).where('enterprise.id', '=', id).executeTakeFirstOrThrow();
    const counts = await trx
      .selectFrom('member')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('all'),
        eb.fn.sum<number | string | null>(eb.case().when('status', '=', 'full').then(1).else(0).end()).as('full'),
      ])
      .where('enterprise_id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow();
    const contacts = await trx
      .selectFrom('enterprise_contact')
      .innerJoin('app_user', 'app_user.id', 'enterprise_contact.user_id')
      .select(['app_user.id', 'app_user.username', 'app_user.display_name'])
      .where('enterprise_contact.enterprise_id', '=', id)
      .orderBy('app_user.username')
      .execute();
    const assignments = await selectAssignments(trx.selectFrom('instructor_assignment'), rules)
      .where('instructor_assignment.enterprise_id', '=', id)
      .orderBy('instructor_assignment.starts_on', 'desc')
      .orderBy('instructor_assignment.id')
      .limit(20)
      .execute();
    const logs = await selectLogs(trx.selectFrom('instructor_log'))
      .where('instructor_log.enterprise_id', '=', id)
      .orderBy('instructor_log.on_date', 'desc')
      .orderBy('instructor_log.id', 'desc')
      .limit(10)
      .execute();
    const fullMemberCount = Number(counts.full ?? 0);
    return {
      ...presentEnterprise(row, today),
      address: e.address,
      mainBusiness: e.main_business,
      foundedOn: e.founded_on,
      legalRepresentative: e.legal_representative,
      contactName: e.contact_name,
      archiveReason: e.archive_reason,
      version: e.version,
      createdAt: e.created_at,
      updatedAt: e.updated_at,
      memberCount: Number(counts.all),
      fullMemberCount,
      shouldFormBranch: e.coverage_kind !== 'own' && fullMemberCount >= rules.ownBranchFromFullMembers,
      contacts: contacts.map((c) => ({ userId: c.id, username: c.username, displayName: c.display_name })),
      assignments: assignments.map((a) => presentAssignment(a, today, rules)),
      recentLogs: logs.map(presentLog),
      abilities: await enterpriseAbilities(trx, access, e, today),
    };
  });
}
