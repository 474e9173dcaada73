/** Org kinds, levels and committee duties with their Chinese labels: plain data, no zod (the browser's first screen uses it). */
export const ORG_KINDS = ['committee', 'general_branch', 'branch', 'joint_branch', 'group'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const COMMITTEE_LEVELS = ['city', 'district', 'park'] as const;
export type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  group: '党小组',
};
export const COMMITTEE_LEVEL_LABELS: Record<CommitteeLevel, string> = {
  city: '市级',
  district: '区县级',
  park: '园区',
};

/** Which kinds may sit under which: a group only inside a branch, committees only under committees. */
export const ALLOWED_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  committee: ['committee', 'general_branch', 'branch', 'joint_branch'],
  general_branch: ['branch', 'joint_branch'],
  branch: ['group'],
  joint_branch: ['group'],
  group: [],
};

export const COMMITTEE_DUTIES = ['secretary', 'deputy_secretary', 'organisation', 'publicity', 'discipline', 'member'] as const;
export type CommitteeDuty = (typeof COMMITTEE_DUTIES)[number];
export const COMMITTEE_DUTY_LABELS: Record<CommitteeDuty, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organisation: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
  member: '委员',
};
