import { z } from 'zod';
import { REACHES, ROLES } from './permissions.js';

const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(3, '用户名至少3个字符')
  .max(32, '用户名不能超过32个字符')
  .regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -');

export const loginBody = z
  .object({ username: z.string().trim().min(1, '请填写用户名').max(64), password: z.string().min(1, '请填写密码').max(256) })
  .strict();

export const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, '请填写当前密码').max(256),
    newPassword: z.string().min(1, '请填写新密码').max(256),
    newUsername: username.optional(),
  })
  .strict();

export const grantView = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  reach: z.enum(REACHES),
});

export const meResponse = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    mustChangeUsername: z.boolean(),
  }),
  grants: z.array(grantView),
  csrfToken: z.string(),
  demo: z.boolean(),
  abilities: z.object({
    orgTree: z.boolean(),
    accounts: z.boolean(),
    grants: z.boolean(),
    audit: z.boolean(),
    createAccounts: z.boolean(),
    /** The system admin creates accounts outside the tree (三员); others must give a home org. */
    createAccountsWithoutOrg: z.boolean(),
    grantAdminRoles: z.boolean(),
    /** The member ledger's menus: the list (and health check), edits, import, export, transfers, dues. */
    members: z.boolean(),
    manageMembers: z.boolean(),
    importMembers: z.boolean(),
    exportMembers: z.boolean(),
    transfers: z.boolean(),
    dues: z.boolean(),
    approveDues: z.boolean(),
    /** Service liaison: the committee's queue (handlers) and "my requests" (enterprise contacts, secretaries). */
    serviceQueue: z.boolean(),
    serviceRaise: z.boolean(),
    /** The enterprise registry (企业名录), its edits, the coverage page and the instructors' work log. */
    enterprises: z.boolean(),
    manageEnterprises: z.boolean(),
    exportEnterprises: z.boolean(),
    coverage: z.boolean(),
    instructorWork: z.boolean(),
    /** 组织生活 (三会一课): meeting records and compliance; planning and recording them. */
    meetings: z.boolean(),
    manageMeetings: z.boolean(),
    /** The notices inbox (any business grant), sending (notice.send), the appraisal workflow. */
    notices: z.boolean(),
    sendNotices: z.boolean(),
    appraisals: z.boolean(),
    /** Member development (发展党员): the board and files; manage = record steps. */
    development: z.boolean(),
    manageDevelopment: z.boolean(),
    /** Events (活动) and 我的 (any business grant); planning events (event.manage); members' study hours (member.read). */
    events: z.boolean(),
    manageEvents: z.boolean(),
    my: z.boolean(),
    studyHours: z.boolean(),
    /** Five-star rating (五星创评): rounds, the star map, showcases and incubation. */
    ratings: z.boolean(),
    governance: z.boolean(),
    manageGovernance: z.boolean(),
    /** Only 三员 grants (system, security, audit admin): no workbench, "/" leads to the admin pages. */
    adminOnly: z.boolean(),
    /** Set the yearly development quotas (development.approve); reveal an ID number (member.pii.reveal). */
    setDevelopmentPlans: z.boolean(),
    revealPii: z.boolean(),
    /** An instructor: records its work (visits, talks) at the enterprises it is assigned to. */
    logInstructorWork: z.boolean(),
  }),
});
export type Me = z.infer<typeof meResponse>;

export const sessionList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
});
export type SessionList = z.infer<typeof sessionList>;

export { username as usernameSchema };
