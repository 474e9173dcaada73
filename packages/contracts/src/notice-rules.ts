import type { Role } from './permissions.js';

/**
 * Notices (通知公告) and read receipts (已读回执). A committee sends a notice down its subtree; the audience is a
 * rule (target orgs, each with or without its subtree, and optionally only some roles there), evaluated when
 * read, so sending costs one row per target whatever the number of recipients.
 */

/** The roles a notice can be addressed to (the 三员 hold no business role and never receive notices). */
export const NOTICE_ROLES = [
  'committee_admin',
  'secretary',
  'instructor',
  'member',
  'enterprise_contact',
] as const satisfies readonly Role[];
export type NoticeRole = (typeof NOTICE_ROLES)[number];
export const NOTICE_ROLE_LABELS: Record<NoticeRole, string> = {
  committee_admin: '党委管理员',
  secretary: '支部书记/党务工作者',
  instructor: '党建指导员',
  member: '党员',
  enterprise_contact: '企业联络员',
};

export const NOTICE_LIMITS = { targets: 50, attachments: 10, titleMax: 80, bodyMax: 5000 } as const;

/** The org kinds that send notices down their subtree (a committee or a general branch). */
export const NOTICE_SENDER_KINDS = ['committee', 'general_branch'] as const;

export const NOTICE_BOXES = ['inbox', 'sent'] as const;
export type NoticeBox = (typeof NOTICE_BOXES)[number];
export const NOTICE_BOX_LABELS: Record<NoticeBox, string> = { inbox: '收到的通知', sent: '已发送' };

/** A readable description of an audience: "甲区党委及下级组织、乙一支部 的支部书记". */
export function audienceLabel(
  targets: readonly { orgName: string; subtree: boolean }[],
  roles: readonly NoticeRole[] | null,
): string {
  const orgs = targets.map((t) => (t.subtree ? `${t.orgName}及下级组织` : t.orgName)).join('、');
  if (!roles || roles.length === 0) return `${orgs}的全部账号`;
  return `${orgs}的${roles.map((r) => NOTICE_ROLE_LABELS[r]).join('、')}`;
}
