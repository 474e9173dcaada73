import type { ReleaseDetail } from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { notFound } from '../../../platform/http/errors.js';
import { listAttachments, listAttachmentsOf } from '../../attachments/attachment.repository.js';
import { contactEnterpriseIds } from '../governance-access.js';
import { publisherScope, relayerScope } from './relay-access.js';
import { presentTask } from './relay-task.presenter.js';
import { findRelease, progressOf, selectTasks } from './release.repository.js';
import { RELAY_SCREENSHOTS, RELEASE_IMAGES } from './release-attachments.js';

/**
 * A release with its relay tasks: the publishing committee sees every task (completion and timeliness per
 * organisation); a relaying enterprise or organisation sees the release and its own tasks only.
 */
export async function getRelease(ctx: Ctx, id: string): Promise<ReleaseDetail> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    if (!access.user) throw notFound('权威信息');
    const r = await findRelease(trx, id);
    if (!r) throw notFound('权威信息');
    const publisher = await access.can('governance.manage', r.org_id);
    const own = await contactEnterpriseIds(trx, access);
    const mine = await selectTasks(trx)
      .where('relay_task.release_id', '=', id)
      .where((eb) => relayerScope(eb, access, own))
      .execute();
    if (!publisher && mine.length === 0) throw notFound('权威信息');
    const tasks = publisher
      ? await selectTasks(trx)
          .where('relay_task.release_id', '=', id)
          .where(publisherScope(access))
          .orderBy('relay_task.target_name')
          .orderBy('relay_task.id')
          .execute()
      : mine;
    const shots = await listAttachmentsOf(
      trx,
      RELAY_SCREENSHOTS.kind,
      tasks.map((t) => t.id),
    );
    const mineIds = new Set(mine.map((t) => t.id));
    return {
      id: r.id,
      title: r.title,
      authority: r.authority,
      publishedAt: r.published_at,
      deadlineAt: r.deadline_at,
      progress: progressOf(tasks, now),
      event: { id: r.event_id, name: r.event_title },
      org: { id: r.org_id, name: r.org_name },
      body: r.body,
      link: r.link,
      images: await listAttachments(trx, RELEASE_IMAGES.kind, r.id),
      tasks: tasks.map((t) => presentTask(t, now, shots.get(t.id) ?? [], mineIds.has(t.id))),
      abilities: { export: publisher },
    };
  });
}
