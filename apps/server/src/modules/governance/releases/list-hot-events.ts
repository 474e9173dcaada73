import type { HotEvent } from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { progressOf } from './release.repository.js';

const LIMIT = 50;

/** The hot-event board: the committee's events, newest first, each release with its relay progress (information only). */
export async function listHotEvents(ctx: Ctx): Promise<{ items: HotEvent[]; canCreate: boolean }> {
  ctx.access.requireAnywhere('governance.manage');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const events = await trx
      .selectFrom('hot_event')
      .innerJoin('org', 'org.id', 'hot_event.org_id')
      .selectAll('hot_event')
      .select('org.name as org_name')
      .where(access.scope('governance.manage', 'hot_event.org_id'))
      .orderBy('hot_event.created_at', 'desc')
      .orderBy('hot_event.id')
      .limit(LIMIT)
      .execute();
    const ids = events.map((e) => e.id);
    const releases = ids.length
      ? await trx
          .selectFrom('official_release')
          .selectAll()
          .where('event_id', 'in', ids)
          .orderBy('published_at', 'desc')
          .execute()
      : [];
    const tasks = releases.length
      ? await trx
          .selectFrom('relay_task')
          .select(['release_id', 'reported_at', 'deadline_at', 'late'])
          .where(
            'release_id',
            'in',
            releases.map((r) => r.id),
          )
          .execute()
      : [];
    const items: HotEvent[] = [];
    for (const e of events) {
      items.push({
        id: e.id,
        title: e.title,
        summary: e.summary,
        org: { id: e.org_id, name: e.org_name },
        createdAt: e.created_at,
        releases: releases
          .filter((r) => r.event_id === e.id)
          .map((r) => ({
            id: r.id,
            title: r.title,
            authority: r.authority,
            publishedAt: r.published_at,
            deadlineAt: r.deadline_at,
            progress: progressOf(
              tasks.filter((t) => t.release_id === r.id),
              now,
            ),
          })),
        abilities: { publish: await access.can('governance.manage', e.org_id) },
      });
    }
    return { items, canCreate: true };
  });
}
