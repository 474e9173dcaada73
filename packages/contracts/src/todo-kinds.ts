/**
 * The kinds of to-do (待办) the home page groups by, with their Chinese headings. To-dos are derived from the
 * system's state on each request, never stored: an item disappears when its work is done. No points, no
 * rankings, no forced check-ins (DOMAIN.md "Limits on fingertip formalism").
 */
export const TODO_KIND_LABELS: Record<string, string> = {
  'term-ending': '支委会任期届满',
  'probation-due': '预备党员转正',
  'dues-arrears': '党费欠缴',
  'transfer-overdue': '转接回执逾期',
  'notice-unread': '未读通知',
  'appraisal-open': '民主评议进行中',
  'meeting-due': '组织生活待开展',
  'development-deadline': '发展党员时限',
  'service-overdue': '企业诉求：已超时',
  'service-assigned': '企业诉求：待办理',
  'service-unassigned': '企业诉求：待指派',
  'service-rate': '企业诉求：待评价',
  'instructor-visit-overdue': '指导员走访逾期',
  'instructor-visits-overdue': '指导员走访逾期',
  'relay-due': '权威信息待转发',
  'rumour-pending': '可疑信息待核实',
};

/** The heading of a kind; a kind the web app does not know yet still shows as 待办. */
export const todoKindLabel = (kind: string) => TODO_KIND_LABELS[kind] ?? '待办';

/**
 * When the home page reminds: a committee term ending within 90 days (DOMAIN.md); a probation whose year ends
 * within 30 days, for as long as an extension could still explain it (beyond 1 year + 12 months it is a ledger
 * error, reported by the ledger check instead); notices unread from the last 90 days.
 */
export const TODO_RULES = {
  termLeadDays: 90,
  probationLeadDays: 30,
  probationYears: 1,
  probationLongestYears: 2,
  noticeUnreadDays: 90,
} as const;
