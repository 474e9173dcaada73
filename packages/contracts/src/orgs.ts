import { z } from 'zod';
import { COMMITTEE_DUTIES, COMMITTEE_LEVELS, ORG_KINDS } from './org-kinds.js';

export * from './org-kinds.js';

const orgName = z.string({ error: '请填写组织名称' }).trim().min(2, '组织名称至少2个字').max(60, '组织名称不能超过60个字');
const id = z.string().uuid('编号格式不正确');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const orgIdParams = z.object({ id });

export const createOrgBody = z
  .object({
    parentId: id,
    name: orgName,
    kind: z.enum(ORG_KINDS, { error: '请选择组织类型' }),
    level: z.enum(COMMITTEE_LEVELS, { error: '请选择党委层级' }).optional(),
    foundedOn: isoDate.optional(),
  })
  .strict()
  .refine((b) => b.kind !== 'committee' || b.level !== undefined, {
    path: ['level'],
    message: '党委须选择层级（市级、区县级、园区）',
  });
export const renameOrgBody = z.object({ name: orgName }).strict();
export const moveOrgBody = z.object({ newParentId: id }).strict();
export const mergeOrgBody = z.object({ intoOrgId: id, reason: z.string().trim().min(2, '请填写合并原因').max(200) }).strict();
export const dissolveOrgBody = z.object({ reason: z.string().trim().min(2, '请填写撤销原因').max(200) }).strict();

export const orgSummary = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  level: z.enum(COMMITTEE_LEVELS).nullable(),
  status: z.enum(['active', 'archived']),
  childCount: z.number().int(),
});
export type OrgSummary = z.infer<typeof orgSummary>;

export const orgListResponse = z.object({ items: z.array(orgSummary) });
export type OrgListResponse = z.infer<typeof orgListResponse>;

export const orgSearchQuery = z.object({ q: z.string().trim().min(1, '请输入搜索内容').max(40) }).strict();
export const orgSearchResponse = z.object({
  items: z.array(orgSummary.extend({ path: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type OrgSearchResponse = z.infer<typeof orgSearchResponse>;

export const orgWarning = z.object({ code: z.string(), message: z.string() });

export const committeeMember = z.object({
  name: z.string().trim().min(1, '请填写姓名').max(30),
  duty: z.enum(COMMITTEE_DUTIES, { error: '请选择职务' }),
  userId: id.nullable().optional(),
});
export const committeeBody = z
  .object({
    termStart: isoDate,
    termYears: z.number().int().min(1).max(5).default(3),
    electedOn: isoDate.optional(),
    members: z.array(committeeMember).min(1, '至少填写一名书记').max(9, '支部委员会成员最多7人（含书记）'),
  })
  .strict()
  .refine((b) => b.members.filter((m) => m.duty === 'secretary').length === 1, {
    path: ['members'],
    message: '须有且只有一名书记',
  });
export type CommitteeBody = z.infer<typeof committeeBody>;

export const committeeView = z.object({
  id: z.string(),
  termStart: z.string(),
  termEnd: z.string(),
  electedOn: z.string().nullable(),
  members: z.array(z.object({ name: z.string(), duty: z.enum(COMMITTEE_DUTIES), userId: z.string().nullable() })),
});

export const orgAbilities = z.object({
  manage: z.boolean(),
  manageCommittee: z.boolean(),
  manageAccounts: z.boolean(),
});

export const orgDetail = orgSummary.extend({
  foundedOn: z.string().nullable(),
  createdAt: z.string(),
  archivedAt: z.string().nullable(),
  archiveReason: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), name: z.string() }).nullable(),
  path: z.array(z.object({ id: z.string(), name: z.string() })),
  descendantCount: z.number().int(),
  fullMemberCount: z.number().int(),
  committee: committeeView.nullable(),
  warnings: z.array(orgWarning),
  abilities: orgAbilities,
});
export type OrgDetail = z.infer<typeof orgDetail>;

export const orgHistoryResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      action: z.string(),
      actorName: z.string().nullable(),
      summary: z.string(),
    }),
  ),
});
export type OrgHistoryResponse = z.infer<typeof orgHistoryResponse>;

export const termReminderQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(90) }).strict();
export const termReminderResponse = z.object({
  items: z.array(z.object({ orgId: z.string(), orgName: z.string(), termEnd: z.string(), daysLeft: z.number().int() })),
});
export type TermReminderResponse = z.infer<typeof termReminderResponse>;
