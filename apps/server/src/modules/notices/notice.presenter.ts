import { audienceLabel, type NoticeSummary } from '@tongxin/contracts';
import type { Notice, NoticeExtras } from './notice.repository.js';

/** Summaries for a page of notices: audience labels, attachment counts and (sent box) read counts. */
export function presentNotices(
  notices: readonly (Notice & { readAt?: string | null })[],
  box: 'inbox' | 'sent',
  extras: NoticeExtras,
): NoticeSummary[] {
  return notices.map((n) => ({
    id: n.id,
    title: n.title,
    senderOrgId: n.senderOrgId,
    senderOrgName: n.senderOrgName,
    sentAt: n.sentAt,
    sentByName: n.sentByName,
    audience: audienceLabel(extras.targets.get(n.id) ?? [], n.roles),
    attachmentCount: extras.attachments.get(n.id) ?? 0,
    readAt: box === 'inbox' ? (n.readAt ?? null) : null,
    readCount: box === 'sent' ? (extras.reads.get(n.id) ?? 0) : null,
  }));
}
