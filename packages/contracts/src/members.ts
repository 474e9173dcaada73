import { z } from 'zod';
import { isoDate } from './iso-date.js';
import {
  AGE_BANDS,
  ARCHIVE_REASONS,
  EDUCATIONS,
  ETHNICITIES,
  GENDERS,
  MEMBER_STATUSES,
  MOBILITIES,
  TALENT_FLAGS,
} from './member-labels.js';

export * from './id-number.js';
export * from './member-labels.js';
export * from './member-rules.js';

const id = z.string().uuid('编号格式不正确');
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => v || null);

export const memberIdParams = z.object({ id });

export const talents = z
  .object(Object.fromEntries(TALENT_FLAGS.map((f) => [f, z.boolean()])) as Record<(typeof TALENT_FLAGS)[number], z.ZodBoolean>)
  .strict();

/** The fields a party affairs worker fills in; `checkMemberFacts` then checks them against each other. */
const memberFields = {
  name: z
    .string({ error: '请填写姓名' })
    .trim()
    .min(2, '姓名至少2个字')
    .max(30, '姓名不能超过30个字')
    .regex(/^[\p{Script=Han}·A-Za-z\s]+$/u, '姓名只能包含汉字、字母和间隔号'),
  gender: z.enum(GENDERS, { error: '请选择性别' }),
  ethnicity: z.enum(ETHNICITIES, { error: '请选择民族' }),
  birthDate: isoDate('出生日期'),
  idNumber: z.string({ error: '请填写身份证号' }).trim().min(1, '请填写身份证号').max(18, '身份证号应为18位'),
  phone: optionalText('联系电话', 20),
  education: z.enum(EDUCATIONS, { error: '请选择学历' }),
  employerName: optionalText('工作单位', 60),
  /** The employer picked from the enterprise registry; absent or null means `employerName` is free text. */
  enterpriseId: z
    .string()
    .uuid('工作单位：所选企业编号格式不正确，请重新选择')
    .nullish()
    .transform((v) => v ?? null),
  position: optionalText('职务', 30),
  joinedOn: isoDate('入党时间'),
  fullOn: isoDate('转正时间')
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(MEMBER_STATUSES, { error: '请选择党员状态' }),
  mobility: z.enum(MOBILITIES, { error: '请选择人员类别' }),
  talents,
  remarks: optionalText('备注', 500),
};

export const createMemberBody = z.object({ orgId: id, ...memberFields }).strict();
export type CreateMemberBody = z.input<typeof createMemberBody>;
export type MemberInput = z.output<typeof createMemberBody>;

/** An edit: the ID number and phone are sent only when they change (the form holds them masked); null clears the phone. */
export const updateMemberBody = z
  .object({
    ...memberFields,
    idNumber: memberFields.idNumber.optional(),
    phone: z.string().trim().max(20, '联系电话不能超过20个字').nullable().optional(),
    version: z.number().int().min(1),
    reason: z.string({ error: '请填写修改原因' }).trim().min(2, '请填写修改原因').max(200, '修改原因不能超过200个字'),
  })
  .strict();
export type UpdateMemberBody = z.input<typeof updateMemberBody>;

export const archiveMemberBody = z
  .object({
    reason: z.enum(ARCHIVE_REASONS, { error: '请选择归档原因' }),
    on: isoDate('日期'),
    note: z.string().trim().max(200, '说明不能超过200个字').optional(),
  })
  .strict();

/** AZ-05: a reveal needs the user's password again and a reason, both in the body (never the URL). */
export const revealMemberBody = z
  .object({
    password: z.string({ error: '请输入登录密码' }).min(1, '请输入登录密码').max(128),
    reason: z.string({ error: '请填写查看原因' }).trim().min(4, '查看原因至少4个字').max(200, '查看原因不能超过200个字'),
  })
  .strict();
export const revealMemberResponse = z.object({ idNumber: z.string(), phone: z.string().nullable() });
export type RevealMemberResponse = z.infer<typeof revealMemberResponse>;

export const MEMBER_SORTS = ['name', 'joinedOn', '-joinedOn', 'birthDate', '-birthDate'] as const;
export const MEMBER_PAGE_SIZE_MAX = 100;

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const memberListQuery = z
  .object({
    orgId: id.optional(),
    q: z.string().trim().max(40, '搜索内容不能超过40个字').optional(),
    status: z.enum(MEMBER_STATUSES).optional(),
    mobility: z.enum(MOBILITIES).optional(),
    education: z.enum(EDUCATIONS).optional(),
    ageBand: z.enum(AGE_BANDS).optional(),
    joinYear: z.coerce.number().int().min(1921, '入党年份不早于1921年').max(2100).optional(),
    talent: z.enum(TALENT_FLAGS).optional(),
    archived: bool.optional(),
    sort: z.enum(MEMBER_SORTS).default('name'),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(MEMBER_PAGE_SIZE_MAX, `每页最多${MEMBER_PAGE_SIZE_MAX}条`).default(20),
  })
  .strict();
export type MemberListQuery = z.input<typeof memberListQuery>;

export const memberSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  education: z.enum(EDUCATIONS).nullable(),
  status: z.enum(MEMBER_STATUSES),
  mobility: z.enum(MOBILITIES),
  joinedOn: z.string().nullable(),
  fullOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
});
export type MemberSummary = z.infer<typeof memberSummary>;

export const memberListResponse = z.object({
  items: z.array(memberSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MemberListResponse = z.infer<typeof memberListResponse>;

export const memberDetail = memberSummary.extend({
  ethnicity: z.string().nullable(),
  employerName: z.string().nullable(),
  /** Set when the employer is linked to the registry; `employerLinkVisible` says whether this viewer may open it. */
  enterpriseId: z.string().nullable(),
  employerLinkVisible: z.boolean(),
  position: z.string().nullable(),
  talents,
  remarks: z.string().nullable(),
  archiveReason: z.enum(ARCHIVE_REASONS).nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  path: z.array(z.object({ id: z.string(), name: z.string() })),
  abilities: z.object({ manage: z.boolean(), reveal: z.boolean() }),
});
export type MemberDetail = z.infer<typeof memberDetail>;

export const memberChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export const memberTimelineResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      action: z.string(),
      actorName: z.string().nullable(),
      reason: z.string().nullable(),
      changes: z.array(memberChange),
    }),
  ),
});
export type MemberTimelineResponse = z.infer<typeof memberTimelineResponse>;
