/** Events (活动): salons, visits, forums and themed activities (issue #15). */
export const EVENT_KINDS = ['salon', 'visit', 'forum', 'theme_activity'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  salon: '沙龙',
  visit: '参观走访',
  forum: '论坛',
  theme_activity: '主题活动',
};

/** The quarterly salon's four parties; every participant is counted under one of them. */
export const PARTICIPANT_CATEGORIES = ['enterprise_head', 'authority', 'association', 'practitioner'] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];
export const PARTICIPANT_CATEGORY_LABELS: Record<ParticipantCategory, string> = {
  enterprise_head: '企业负责人',
  authority: '职能部门',
  association: '行业协会',
  practitioner: '从业人员',
};

export const REGISTRATION_STATUSES = ['registered', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: '已报名',
  waiting: '候补',
  cancelled: '已取消',
};

export const CHECKIN_METHODS = ['code', 'tick'] as const;
export type CheckinMethod = (typeof CHECKIN_METHODS)[number];
export const CHECKIN_METHOD_LABELS: Record<CheckinMethod, string> = { code: '扫码签到', tick: '组织者登记' };

export const EVENT_LIMITS = {
  titleMax: 80,
  placeMax: 120,
  descriptionMax: 4000,
  summaryMax: 8000,
  capacityMax: 5000,
  invites: 50,
  followUps: 20,
  photos: 12,
  /** A check-in code is good for this long after it is shown (the page refreshes it). */
  codeMinutes: 10,
} as const;
