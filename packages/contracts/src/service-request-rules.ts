/**
 * Service liaison (服务联抓): enterprises raise problems, a committee member follows each to an answer and the
 * enterprise rates it. Plain data and pure functions (no zod), so the browser shows the same rules it is held to.
 */

/** The two kinds of problem the committee takes in (党建问题 / 发展问题). */
export const SERVICE_GROUPS = ['party_building', 'development'] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];
export const SERVICE_GROUP_LABELS: Record<ServiceGroup, string> = { party_building: '党建问题', development: '发展问题' };

export const SERVICE_CATEGORIES = [
  'org_setup',
  'member_development',
  'org_life',
  'party_venue',
  'party_other',
  'policy',
  'financing',
  'talent',
  'premises',
  'approval',
  'market',
  'rights',
  'development_other',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_CATEGORY_GROUP: Record<ServiceCategory, ServiceGroup> = {
  org_setup: 'party_building',
  member_development: 'party_building',
  org_life: 'party_building',
  party_venue: 'party_building',
  party_other: 'party_building',
  policy: 'development',
  financing: 'development',
  talent: 'development',
  premises: 'development',
  approval: 'development',
  market: 'development',
  rights: 'development',
  development_other: 'development',
};

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  org_setup: '组建党组织',
  member_development: '党员发展与管理',
  org_life: '组织生活指导',
  party_venue: '党建阵地建设',
  party_other: '其他党建问题',
  policy: '政策咨询',
  financing: '融资需求',
  talent: '人才招引',
  premises: '场地用房',
  approval: '审批办事',
  market: '市场拓展',
  rights: '法律与知识产权',
  development_other: '其他发展问题',
};

/**
 * 待受理 → 办理中 (assigned) → 已答复 → 已办结 (rated by the enterprise). The enterprise may reopen an answer it is
 * not satisfied with (back to 办理中) and may withdraw a request before it is answered (已撤回).
 */
export const SERVICE_STATUSES = ['open', 'in_progress', 'answered', 'closed', 'withdrawn'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = {
  open: '待受理',
  in_progress: '办理中',
  answered: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};
/** Statuses in which the committee still owes an answer: the ones that can be overdue. */
export const SERVICE_PENDING_STATUSES = ['open', 'in_progress'] as const satisfies readonly ServiceStatus[];

/** Who acts: the enterprise's side (its contact, or the secretary who raised it) or the committee's handler. */
export type ServiceSide = 'requester' | 'handler';

export const SERVICE_ACTIONS = ['assign', 'answer', 'reopen', 'close', 'withdraw', 'message'] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

interface Transition {
  side: ServiceSide | 'either';
  from: readonly ServiceStatus[];
  /** The status after the action; null keeps the current one (a message, a reassignment). */
  to: ServiceStatus | null;
}

/** The state machine, as data: who may take each action, from which statuses, into which status. */
export const SERVICE_TRANSITIONS: Record<ServiceAction, Transition> = {
  assign: { side: 'handler', from: ['open', 'in_progress'], to: 'in_progress' },
  answer: { side: 'handler', from: ['in_progress'], to: 'answered' },
  reopen: { side: 'requester', from: ['answered'], to: 'in_progress' },
  close: { side: 'requester', from: ['answered'], to: 'closed' },
  withdraw: { side: 'requester', from: ['open', 'in_progress'], to: 'withdrawn' },
  message: { side: 'either', from: ['open', 'in_progress', 'answered'], to: null },
};

/** The status an action leads to from `status`, or null when the machine refuses it there. */
export function serviceNextStatus(status: ServiceStatus, action: ServiceAction): ServiceStatus | null {
  const t = SERVICE_TRANSITIONS[action];
  if (!t.from.includes(status)) return null;
  return t.to ?? status;
}

/** Whether a user acting for `sides` may take the action (the side check only; status is separate). */
export function serviceSideAllows(action: ServiceAction, sides: { requester: boolean; handler: boolean }): boolean {
  const side = SERVICE_TRANSITIONS[action].side;
  return side === 'either' ? sides.requester || sides.handler : sides[side];
}

export const SERVICE_ACTION_LABELS: Record<ServiceAction, string> = {
  assign: '指派',
  answer: '答复',
  reopen: '重新办理',
  close: '评价办结',
  withdraw: '撤回',
  message: '留言',
};

/** Why the machine refuses an action in a status, in the user's words. */
export function serviceRefusal(status: ServiceStatus, action: ServiceAction): string {
  if (status === 'closed' || status === 'withdrawn')
    return `该诉求${SERVICE_STATUS_LABELS[status]}，不能再${SERVICE_ACTION_LABELS[action]}`;
  const hint: Record<ServiceAction, string> = {
    assign: '已答复的诉求不能再指派；如企业不满意，可由企业申请重新办理',
    answer: status === 'open' ? '请先指派承办人再答复' : '该诉求已答复，可继续留言补充',
    reopen: '只有已答复的诉求可以申请重新办理',
    close: '只有已答复的诉求可以评价办结',
    withdraw: '已答复的诉求不能撤回，请评价办结或申请重新办理',
    message: '该诉求不能留言',
  };
  return hint[action];
}

/** Thread entries: every step and every message is kept (append-only). */
export const SERVICE_EVENTS = ['raise', 'assign', 'answer', 'reopen', 'close', 'withdraw', 'message'] as const;
export type ServiceEvent = (typeof SERVICE_EVENTS)[number];
export const SERVICE_EVENT_LABELS: Record<ServiceEvent, string> = {
  raise: '提出诉求',
  assign: '指派承办人',
  answer: '答复',
  reopen: '申请重新办理',
  close: '评价办结',
  withdraw: '撤回诉求',
  message: '留言',
};

export const SERVICE_RATING_LABELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: '很不满意',
  2: '不满意',
  3: '基本满意',
  4: '满意',
  5: '非常满意',
};

/**
 * Answer deadlines by category, in calendar days from the day the request is raised (configurable: versioned
 * data, the version in force on the raising day applies and is stored with the request). A reopened request
 * is due `reopenDays` after it is reopened.
 */
export interface ServiceDueRule {
  version: string;
  effectiveFrom: string;
  days: Record<ServiceCategory, number>;
  reopenDays: number;
}

export const SERVICE_DUE_RULES: readonly ServiceDueRule[] = [
  {
    version: '2026.1',
    effectiveFrom: '2000-01-01',
    days: {
      org_setup: 15,
      member_development: 10,
      org_life: 7,
      party_venue: 15,
      party_other: 10,
      policy: 5,
      financing: 20,
      talent: 15,
      premises: 20,
      approval: 10,
      market: 20,
      rights: 15,
      development_other: 15,
    },
    reopenDays: 7,
  },
];

/** The rule in force on `date` (the latest whose effectiveFrom is not after it). */
export function serviceDueRuleOn(date: string, rules: readonly ServiceDueRule[] = SERVICE_DUE_RULES): ServiceDueRule {
  const inForce = [...rules].filter((r) => r.effectiveFrom <= date).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
  const rule = inForce[0];
  if (!rule) throw new Error(`no service due rule in force on ${date}`);
  return rule;
}

/** `date` plus whole days (YYYY-MM-DD arithmetic in UTC, so no time zone can shift it). */
export function addDaysToDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** When a request raised on `raisedOn` must be answered, and under which rule version. */
export function serviceDueDate(
  category: ServiceCategory,
  raisedOn: string,
  rules: readonly ServiceDueRule[] = SERVICE_DUE_RULES,
): { dueOn: string; ruleVersion: string } {
  const rule = serviceDueRuleOn(raisedOn, rules);
  return { dueOn: addDaysToDate(raisedOn, rule.days[category]), ruleVersion: rule.version };
}

/**
 * The new deadline of a request reopened on `reopenedOn`: the rule's reopening period from that day, or the
 * deadline it already had if that is later (reopening never shortens the committee's time).
 */
export function serviceReopenDueDate(
  reopenedOn: string,
  currentDueOn: string | null = null,
  rules: readonly ServiceDueRule[] = SERVICE_DUE_RULES,
): string {
  const fresh = addDaysToDate(reopenedOn, serviceDueRuleOn(reopenedOn, rules).reopenDays);
  return currentDueOn && currentDueOn > fresh ? currentDueOn : fresh;
}

/** Overdue: the committee still owes an answer after the due day. */
export function serviceOverdue(r: { status: ServiceStatus; dueOn: string }, today: string): boolean {
  return (SERVICE_PENDING_STATUSES as readonly ServiceStatus[]).includes(r.status) && r.dueOn < today;
}

/** The handler's queue views. */
export const SERVICE_VIEWS = ['mine', 'unassigned', 'overdue', 'all'] as const;
export type ServiceView = (typeof SERVICE_VIEWS)[number];
export const SERVICE_VIEW_LABELS: Record<ServiceView, string> = {
  mine: '我承办的',
  unassigned: '待指派',
  overdue: '已逾期',
  all: '全部',
};
