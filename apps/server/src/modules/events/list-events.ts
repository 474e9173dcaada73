import type { EventSummary, eventListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { toEventSummary } from './event.presenter.js';
import { invitedCondition } from './event.repository.js';

type Query = z.output<typeof eventListQuery>;

/** Events the caller sees (organised in their scope, or invited), upcoming first by start, past newest first. */
export async function listEvents(ctx: Ctx, q: Query): Promise<{ items: EventSummary[]; total: number }> {
  const access = ctx.access;
  const now = ctx.clock.now().toISOString();
  let base = ctx.db
    .selectFrom('event')
    .innerJoin('org', 'org.id', 'event.org_id')
    .where((eb) => eb.or([access.scope(['org.read', 'event.manage'], 'event.org_id'), invitedCondition(access, 'event.id')]));
  if (q.when === 'upcoming') base = base.where('event.ends_at', '>', now);
  if (q.when === 'past') base = base.where('event.ends_at', '<=', now);
  const total = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'event.id',
      'event.org_id',
      'org.name as org_name',
      'event.kind',
      'event.title',
      'event.starts_at',
      'event.ends_at',
      'event.place',
      'event.capacity',
      'event.seats_taken',
    ])
    .orderBy('event.starts_at', q.when === 'upcoming' ? 'asc' : 'desc')
    .orderBy('event.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const userId = access.user?.id;
  const mine =
    userId && rows.length > 0
      ? await ctx.db
          .selectFrom('event_registration')
          .selectAll()
          .where('user_id', '=', userId)
          .where(
            'event_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : [];
  return {
    items: rows.map((r) =>
      toEventSummary(
        r,
        mine.find((m) => m.event_id === r.id),
      ),
    ),
    total: Number(total.n),
  };
}
