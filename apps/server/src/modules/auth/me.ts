import { isAdminRole } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { mayRaiseAnywhere } from '../services/service-scope.js';
import { orgNamesOf } from './auth.repository.js';

/** The signed-in user, their grants with org names, and what the menus may offer. */
export async function describeMe(ctx: Ctx) {
  const session = ctx.session!;
  const access = ctx.access;
  const orgIds = access.grants.map((g) => g.orgId).filter((id): id is string => id !== null);
  const nameOf = await orgNamesOf(ctx.db, orgIds);
  return {
    user: {
      id: session.userId,
      username: session.username,
      displayName: session.displayName,
      mustChangePassword: session.mustChangePassword,
      mustChangeUsername: session.mustChangeUsername,
    },
    grants: access.grants.map((g) => ({
      id: g.id,
      role: g.role,
      orgId: g.orgId,
      orgName: g.orgId ? (nameOf.get(g.orgId) ?? null) : null,
      reach: g.reach,
    })),
    csrfToken: session.csrfToken,
    demo: ctx.demo,
    abilities: {
      orgTree: access.holdsAnywhere('org.read') || access.holdsAnywhere('security.org.directory'),
      accounts: access.holdsAnywhere('account.read') || access.holdsAnywhere('system.account.manage'),
      grants: access.holdsAnywhere('grant.manage') || access.holdsAnywhere('security.grant.manage'),
      audit: access.holdsAnywhere('audit.read'),
      createAccounts: access.holdsAnywhere('account.manage') || access.holdsGlobally('system.account.manage'),
      createAccountsWithoutOrg: access.holdsGlobally('system.account.manage'),
      grantAdminRoles: access.holdsGlobally('security.grant.manage'),
      members: access.holdsAnywhere('member.read'),
      manageMembers: access.holdsAnywhere('member.manage'),
      importMembers: access.holdsAnywhere('member.import'),
      exportMembers: access.holdsAnywhere('member.export'),
      transfers: access.holdsAnywhere('transfer.manage'),
      dues: access.holdsAnywhere('dues.manage'),
      approveDues: access.holdsAnywhere('dues.approve'),
      serviceQueue: access.holdsAnywhere('service.handle'),
      serviceRaise: mayRaiseAnywhere(access),
      enterprises:
        access.holdsAnywhere('enterprise.read') ||
        access.holdsAnywhere('enterprise.own') ||
        access.holdsAnywhere('instructor.work'),
      manageEnterprises: access.holdsAnywhere('enterprise.manage'),
      exportEnterprises: access.holdsAnywhere('enterprise.read'),
      coverage: access.holdsAnywhere('enterprise.manage'),
      instructorWork: access.holdsAnywhere('enterprise.read') || access.holdsAnywhere('instructor.work'),
      meetings: access.holdsAnywhere('meeting.read'),
      manageMeetings: access.holdsAnywhere('meeting.manage'),
      notices: access.grants.some((g) => g.orgId !== null && g.role !== 'system_admin'),
      sendNotices: access.holdsAnywhere('notice.send'),
      appraisals: access.holdsAnywhere('appraisal.manage'),
      development: access.holdsAnywhere('development.read'),
      manageDevelopment: access.holdsAnywhere('development.manage'),
      events: access.holdsAnywhere('org.read'),
      manageEvents: access.holdsAnywhere('event.manage'),
      my: access.holdsAnywhere('org.read'),
      studyHours: access.holdsAnywhere('member.read'),
      ratings: access.holdsAnywhere('rating.read'),
      governance: access.holdsAnywhere('org.read'),
      manageGovernance: access.holdsAnywhere('governance.manage'),
      adminOnly: access.grants.length > 0 && access.grants.every((g) => isAdminRole(g.role)),
      setDevelopmentPlans: access.holdsAnywhere('development.approve'),
      revealPii: access.holdsAnywhere('member.pii.reveal'),
      // Assignments go only to accounts with the instructor role (see assign-instructor.ts).
      logInstructorWork: access.grants.some((g) => g.role === 'instructor'),
    },
  };
}
