/**
 * Enterprise coverage (两个覆盖) and instructor rules, as versioned plain data and pure functions
 * (DOMAIN.md "Enterprise coverage", 中办发〔2012〕11号). The browser and the server read the same rules.
 */

/** 经营状态. Only operating enterprises can be in scope for the coverage survey. */
export const OPERATING_STATUSES = ['operating', 'suspended', 'deregistered'] as const;
export type OperatingStatus = (typeof OPERATING_STATUSES)[number];
export const OPERATING_STATUS_LABELS: Record<OperatingStatus, string> = {
  operating: '在营',
  suspended: '停业',
  deregistered: '注销',
};

/** 覆盖方式: its own Party organisation (单独组建), a joint branch (联合组建), or none yet. */
export const COVERAGE_KINDS = ['own', 'joint', 'none'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];
export const COVERAGE_KIND_LABELS: Record<CoverageKind, string> = {
  own: '单独组建',
  joint: '联合组建',
  none: '未覆盖',
};

/** 指导员工作记录: a visit, a talk with the owner or staff, or practical help. */
export const INSTRUCTOR_LOG_KINDS = ['visit', 'talk', 'help'] as const;
export type InstructorLogKind = (typeof INSTRUCTOR_LOG_KINDS)[number];
export const INSTRUCTOR_LOG_KIND_LABELS: Record<InstructorLogKind, string> = {
  visit: '走访',
  talk: '谈心谈话',
  help: '帮扶指导',
};
