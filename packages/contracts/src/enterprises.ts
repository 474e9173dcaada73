import { z } from 'zod';
import { parseCreditCode } from './credit-code.js';
import { COVERAGE_KINDS, INSTRUCTOR_LOG_KINDS, INSTRUCTOR_NOTES_MAX, OPERATING_STATUSES } from './enterprise-rules.js';
import { isoDate } from './iso-date.js';

export * from './credit-code.js';
export * from './enterprise-rules.js';

const id = z.string().uuid('编号格式不正确');
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => v || null);
const personName = (label: string) =>
  z
    .string()
    .trim()
    .max(30, `${label}不能超过30个字`)
    .regex(/^[\p{Script=Han}·A-Za-z\s]*$/u, `${label}只能包含汉字、字母和间隔号`)
    .nullish()
    .transform((v) => v || null);

/** A credit code as typed: normalised (full-width, lower case, spaces) and checked against GB 32100. */
export const creditCode = z.string({ error: '请填写统一社会信用代码' }).transform((raw, ctx) => {
  const r = parseCreditCode(raw);
  if (r.ok) return r.code;
  ctx.addIssue({ code: 'custom', message: r.message });
  return z.NEVER;
});

export const ENTERPRISE_MAX_EMPLOYEES = 1_000_000;

/** The registry fields a committee worker fills in. The area is the district or park committee it sits under. */
const enterpriseFields = {
  name: z.string({ error: '请填写企业名称' }).trim().min(2, '企业名称至少2个字').max(80, '企业名称不能超过80个字'),
  creditCode,
  areaOrgId: z.string({ error: '请选择所属区县或园区' }).uuid('请选择所属区县或园区'),
  address: optionalText('地址', 120),
  mainBusiness: optionalText('主营业务', 200),
  employeeCount: z
    .number({ error: '从业人数应为整数' })
    .int('从业人数应为整数')
    .min(0, '从业人数不能为负数')
    .max(ENTERPRISE_MAX_EMPLOYEES, '从业人数过大，请核对')
    .nullish()
    .transform((v) => v ?? null),
  foundedOn: isoDate('成立日期')
    .nullish()
    .transform((v) => v ?? null),
  legalRepresentative: personName('法定代表人'),
  contactName: personName('联系人'),
  hasFixedPremises: z.boolean({ error: '请选择是否有固定经营场所' }),
  operatingStatus: z.enum(OPERATING_STATUSES, { error: '请选择经营状态' }),
  /** The branch or joint branch that covers it; null when none does. The kind (own/joint) follows the org's kind. */
  coveringOrgId: id.nullish().transform((v) => v ?? null),
};

export const createEnterpriseBody = z.object(enterpriseFields).strict();
export type CreateEnterpriseBody = z.input<typeof createEnterpriseBody>;
export type EnterpriseInput = z.output<typeof createEnterpriseBody>;

export const updateEnterpriseBody = z
  .object({
    ...enterpriseFields,
    version: z.number().int().min(1),
    reason: z.string({ error: '请填写修改原因' }).trim().min(2, '请填写修改原因').max(200, '修改原因不能超过200个字'),
  })
  .strict();
export type UpdateEnterpriseBody = z.input<typeof updateEnterpriseBody>;

export const archiveEnterpriseBody = z
  .object({
    reason: z.string({ error: '请填写归档原因' }).trim().min(2, '请填写归档原因').max(200, '归档原因不能超过200个字'),
  })
  .strict();

export const restoreEnterpriseBody = z
  .object({
    reason: z.string({ error: '请填写恢复原因' }).trim().min(2, '请填写恢复原因').max(200, '恢复原因不能超过200个字'),
  })
  .strict();

export const enterpriseIdParams = z.object({ id });
export const enterpriseContactParams = z.object({ id, userId: id });
export const enterpriseContactBody = z
  .object({ userId: z.string({ error: '请选择联络员账号' }).uuid('请选择联络员账号') })
  .strict();

export const ENTERPRISE_PAGE_SIZE_MAX = 100;
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const enterpriseListQuery = z
  .object({
    q: z.string().trim().max(40, '搜索内容不能超过40个字').optional(),
    /** Only enterprises whose area lies in this org's subtree. */
    orgId: id.optional(),
    coverage: z.enum(COVERAGE_KINDS).optional(),
    operatingStatus: z.enum(OPERATING_STATUSES).optional(),
    inScope: flag.optional(),
    archived: flag.default(false),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(ENTERPRISE_PAGE_SIZE_MAX, `每页最多${ENTERPRISE_PAGE_SIZE_MAX}条`).default(20),
  })
  .strict();
export type EnterpriseListQuery = z.input<typeof enterpriseListQuery>;

const orgRef = z.object({ id: z.string(), name: z.string() });

export const enterpriseSummary = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  area: orgRef,
  districtName: z.string().nullable(),
  parkName: z.string().nullable(),
  employeeCount: z.number().nullable(),
  operatingStatus: z.enum(OPERATING_STATUSES),
  hasFixedPremises: z.boolean(),
  inScope: z.boolean(),
  coverageKind: z.enum(COVERAGE_KINDS),
  coveringOrg: orgRef.nullable(),
  archived: z.boolean(),
});
export type EnterpriseSummary = z.infer<typeof enterpriseSummary>;

export const enterpriseListResponse = z.object({
  items: z.array(enterpriseSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type EnterpriseList = z.infer<typeof enterpriseListResponse>;

export const instructorAssignment = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  instructorId: z.string(),
  instructorName: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  note: z.string().nullable(),
  current: z.boolean(),
  lastContactOn: z.string().nullable(),
  /** When the next contact is due (current assignments only). */
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type InstructorAssignment = z.infer<typeof instructorAssignment>;

export const instructorLogEntry = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  instructorId: z.string(),
  instructorName: z.string(),
  kind: z.enum(INSTRUCTOR_LOG_KINDS),
  onDate: z.string(),
  notes: z.string(),
  createdAt: z.string(),
});
export type InstructorLogEntry = z.infer<typeof instructorLogEntry>;

export const enterpriseDetail = enterpriseSummary.extend({
  address: z.string().nullable(),
  mainBusiness: z.string().nullable(),
  foundedOn: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  contactName: z.string().nullable(),
  archiveReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Active members recorded as working here, and how many of them are full members. */
  memberCount: z.number(),
  fullMemberCount: z.number(),
  /** Has enough full members for its own branch but none (应单独组建). */
  shouldFormBranch: z.boolean(),
  contacts: z.array(z.object({ userId: z.string(), username: z.string(), displayName: z.string() })),
  assignments: z.array(instructorAssignment),
  recentLogs: z.array(instructorLogEntry),
  abilities: z.object({ manage: z.boolean(), log: z.boolean(), restore: z.boolean() }),
});
export type EnterpriseDetail = z.infer<typeof enterpriseDetail>;

// Instructors (党建指导员)

export const assignInstructorBody = z
  .object({
    instructorId: z.string({ error: '请选择党建指导员' }).uuid('请选择党建指导员'),
    startsOn: isoDate('开始日期'),
    endsOn: isoDate('结束日期')
      .nullish()
      .transform((v) => v ?? null),
    note: optionalText('备注', 200),
  })
  .strict()
  .refine((b) => b.endsOn === null || b.endsOn >= b.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export const endAssignmentBody = z.object({ endsOn: isoDate('结束日期') }).strict();
export const assignmentIdParams = z.object({ id });

export const instructorLogBody = z
  .object({
    kind: z.enum(INSTRUCTOR_LOG_KINDS, { error: '请选择工作类型' }),
    onDate: isoDate('工作日期'),
    notes: z
      .string({ error: '请填写工作内容' })
      .trim()
      .min(4, '工作内容至少4个字')
      .max(INSTRUCTOR_NOTES_MAX, `工作内容不能超过${INSTRUCTOR_NOTES_MAX}个字`),
  })
  .strict();
export type InstructorLogBody = z.input<typeof instructorLogBody>;

export const instructorWorkQuery = z
  .object({
    /** Only this instructor's assignments and entries (a committee admin looking at one instructor). */
    instructorId: id.optional(),
    /** Only this enterprise's assignments and entries (from its detail page). */
    enterpriseId: id.optional(),
    overdueOnly: flag.default(false),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(20),
  })
  .strict();

export const instructorWorkResponse = z.object({
  assignments: z.array(instructorAssignment),
  overdueCount: z.number(),
  logs: z.array(instructorLogEntry),
  logTotal: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type InstructorWork = z.infer<typeof instructorWorkResponse>;

export const instructorCandidatesQuery = z.object({ q: z.string().trim().max(30).optional() }).strict();
export const instructorCandidates = z.object({
  items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
});
export type InstructorCandidates = z.infer<typeof instructorCandidates>;

// Coverage (两个覆盖)

export const coverageQuery = z.object({ orgId: id.optional() }).strict();

const coverageCounts = z.object({
  registered: z.number(),
  inScope: z.number(),
  own: z.number(),
  joint: z.number(),
  none: z.number(),
  workCovered: z.number(),
  orgRatePermille: z.number().nullable(),
  ownRatePermille: z.number().nullable(),
  workRatePermille: z.number().nullable(),
});
export type CoverageCounts = z.infer<typeof coverageCounts>;

export const coverageResponse = z.object({
  org: orgRef,
  rules: z.object({
    effectiveFrom: z.string(),
    source: z.string(),
    scopeText: z.string(),
    visitEveryMonths: z.number(),
    ownBranchFromFullMembers: z.number(),
  }),
  totals: coverageCounts,
  /**
   * The same figures for each committee directly below (district or park), and for the enterprises whose area is
   * the org itself (`direct`: a district's enterprises outside its parks).
   */
  parts: z.array(coverageCounts.extend({ org: orgRef, direct: z.boolean() })),
  uncovered: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      area: orgRef,
      employeeCount: z.number().nullable(),
      instructorName: z.string().nullable(),
      lastContactOn: z.string().nullable(),
      workCovered: z.boolean(),
    }),
  ),
  shouldFormBranch: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      area: orgRef,
      fullMembers: z.number(),
      coverageKind: z.enum(COVERAGE_KINDS),
      coveringOrgName: z.string().nullable(),
    }),
  ),
});
export type Coverage = z.infer<typeof coverageResponse>;
