import type { AttachmentInfo, RelayTask } from '@tongxin/contracts';
import { type RelayTaskRow, taskState } from './release.repository.js';

export function presentTask(t: RelayTaskRow, now: Date, screenshots: AttachmentInfo[], report: boolean): RelayTask {
  const targetId = t.enterprise_id ?? t.target_org_id ?? '';
  return {
    id: t.id,
    releaseId: t.release_id,
    releaseTitle: t.release_title,
    targetKind: t.target_kind,
    target: { id: targetId, name: t.target_name },
    account: t.media_account_id ? { id: t.media_account_id, name: t.account_name ?? '' } : null,
    orgId: t.org_id,
    deadlineAt: t.deadline_at,
    state: taskState(t, now),
    reportedAt: t.reported_at,
    reportedByName: t.reported_by_name,
    url: t.relay_url,
    note: t.note,
    screenshots,
    abilities: { report: report && t.reported_at === null },
  };
}
