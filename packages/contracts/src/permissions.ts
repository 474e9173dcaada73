/**
 * The permission registry: every permission the server checks, and the built-in roles.
 * A role is a set of permissions; a grant gives a role to a user at an org (reach: org or subtree).
 */
export const PERMISSIONS = [
  // business: organisation tree
  'org.read',
  'org.manage',
  'committee.manage',
  // business: the member ledger
  'member.read',
  'member.manage',
  'member.pii.reveal',
  'member.import',
  'member.export',
  'transfer.manage',
  'dues.manage',
  'dues.approve',
  // business: service liaison (服务联抓) — raise for covered enterprises, act as an enterprise's contact, handle
  'service.request',
  'service.contact',
  'service.handle',
  // business: the enterprise registry, coverage and instructors (issue #6)
  'enterprise.read',
  'enterprise.manage',
  'enterprise.own',
  'instructor.work',
  // business: organisational life (三会一课); the city committee sets the required frequencies
  'meeting.read',
  'meeting.manage',
  'meeting.rules.manage',
  // business: organisational life (appraisal) and notices
  'appraisal.manage',
  'notice.send',
  // business: member development (发展党员); approve = the committee above a branch (预审、审批、备案)
  'development.read',
  'development.manage',
  'development.approve',
  // business: events (活动) and the learning programme (issue #15)
  'event.manage',
  // business: five-star rating (五星创评), showcases and incubation; the city committee keeps the rubric
  'rating.read',
  'rating.self',
  'rating.review',
  'rating.approve',
  'rating.rules.manage',
  'showcase.manage',
  // business: online governance (网络空间治理, issue #17) — publish pledges, releases and rebuttals, answer rumour
  // reports (a committee); relay a release for one's own organisation (a secretary)
  'governance.manage',
  'governance.relay',
  // accounts and grants inside the business tree (delegation)
  'account.read',
  'account.manage',
  'grant.manage',
  // 三员: system admin
  'system.account.manage',
  'system.config.manage',
  'system.backup',
  // 三员: security admin
  'security.grant.manage',
  'security.account.unlock',
  'security.session.revoke',
  'security.org.directory',
  // 三员: audit admin
  'audit.read',
  'audit.verify',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'committee_admin',
  'secretary',
  'instructor',
  'member',
  'enterprise_contact',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;

export type Role = (typeof ROLES)[number];

/** 三员分立: an account holds at most one of these, and none of them reaches business data. */
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];

export function isAdminRole(role: Role): role is AdminRole {
  return (ADMIN_ROLES as readonly Role[]).includes(role);
}

/** What a branch keeps for its own members (a committee admin also approves dues reductions below it). */
const LEDGER_PERMISSIONS = [
  'member.read',
  'member.manage',
  'member.pii.reveal',
  'member.import',
  'member.export',
  'transfer.manage',
  'dues.manage',
] as const satisfies readonly Permission[];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  committee_admin: [
    'org.read',
    'org.manage',
    'committee.manage',
    ...LEDGER_PERMISSIONS,
    'dues.approve',
    'enterprise.read',
    'enterprise.manage',
    // Link-based (see below): they reveal nothing by themselves, and holding them lets the admin delegate the
    // instructor and enterprise-contact roles (a delegator must hold every permission it grants).
    'enterprise.own',
    'instructor.work',
    'development.read',
    'development.manage',
    'development.approve',
    'account.read',
    'account.manage',
    'grant.manage',
    'meeting.read',
    'meeting.manage',
    'meeting.rules.manage',
    'appraisal.manage',
    'notice.send',
    // A committee admin handles requests; it holds the raising permissions only to delegate the secretary and
    // enterprise-contact roles (a handler never acts as the requesting side, see services/service-sides.ts).
    'service.handle',
    'service.request',
    'service.contact',
    'event.manage',
    'rating.read',
    'rating.self',
    'rating.review',
    'rating.approve',
    'rating.rules.manage',
    'showcase.manage',
    'governance.manage',
    // Held only to delegate the secretary role (a committee relays through its branches and enterprises).
    'governance.relay',
  ],
  // A secretary reads the enterprises its org covers; an instructor and an enterprise contact see only the
  // enterprises linked to their own account (assignments, contact links), not everything at their grant's org.
  secretary: [
    'org.read',
    'committee.manage',
    ...LEDGER_PERMISSIONS,
    'enterprise.read',
    'account.read',
    'meeting.read',
    'meeting.manage',
    'appraisal.manage',
    'development.read',
    'development.manage',
    'service.request',
    'event.manage',
    'rating.read',
    'rating.self',
    'governance.relay',
  ],
  // A 党建指导员 also guides branches' organisational life: reads their meeting records and compliance.
  instructor: ['org.read', 'instructor.work', 'meeting.read', 'rating.read'],
  member: ['org.read'],
  enterprise_contact: ['org.read', 'enterprise.own', 'service.contact'],
  system_admin: ['system.account.manage', 'system.config.manage', 'system.backup'],
  security_admin: [
    'security.grant.manage',
    'security.account.unlock',
    'security.session.revoke',
    'security.org.directory',
    'account.read',
  ],
  audit_admin: ['audit.read', 'audit.verify'],
};

/** Permissions that touch business data (the org tree and everything hanging from it). */
export const BUSINESS_PERMISSIONS: readonly Permission[] = [
  'org.read',
  'org.manage',
  'committee.manage',
  ...LEDGER_PERMISSIONS,
  'dues.approve',
  'service.request',
  'service.contact',
  'service.handle',
  'enterprise.read',
  'enterprise.manage',
  'enterprise.own',
  'instructor.work',
  'meeting.read',
  'meeting.manage',
  'meeting.rules.manage',
  'appraisal.manage',
  'notice.send',
  'development.read',
  'development.manage',
  'development.approve',
  'event.manage',
  'rating.read',
  'rating.self',
  'rating.review',
  'rating.approve',
  'rating.rules.manage',
  'showcase.manage',
  'governance.manage',
  'governance.relay',
];

export const ROLE_LABELS: Record<Role, string> = {
  committee_admin: '党委管理员',
  secretary: '支部书记/党务工作者',
  instructor: '党建指导员',
  member: '党员',
  enterprise_contact: '企业联络员',
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

export type Reach = 'org' | 'subtree';
export const REACHES = ['org', 'subtree'] as const;
export const REACH_LABELS: Record<Reach, string> = { org: '仅本组织', subtree: '本组织及下级' };

/** Admin roles (三员 and committee admins) get the shorter idle timeout. */
export function isPrivilegedRole(role: Role): boolean {
  return isAdminRole(role) || role === 'committee_admin';
}
