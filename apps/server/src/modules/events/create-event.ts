import type { createEventBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { invalid } from '../../platform/http/errors.js';

type Input = z.output<typeof createEventBody>;

/** The organiser (event.manage at its org) plans an event and invites orgs (each with its subtree). */
export async function createEvent(ctx: Ctx, input: Input): Promise<string> {
  const now = ctx.clock.now().toISOString();
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('event.manage', input.orgId, '党组织');
    const invites = [...new Set(input.inviteOrgIds)];
    if (invites.length !== input.inviteOrgIds.length) throw invalid('inviteOrgIds', '邀请组织有重复');
    for (const orgId of invites) {
      if (!(await access.can('org.read', orgId))) throw invalid('inviteOrgIds', '邀请的组织不存在或不在您的管理范围内');
    }
    await trx
      .insertInto('event')
      .values({
        id,
        org_id: input.orgId,
        kind: input.kind,
        title: input.title,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        place: input.place,
        description: input.description,
        capacity: input.capacity,
        study_kind: input.studyKind,
        summary: null,
        follow_ups: '[]',
        created_at: now,
        created_by: access.user!.id,
        updated_at: now,
      })
      .execute();
    if (invites.length > 0) {
      await trx
        .insertInto('event_invite')
        .values(invites.map((orgId) => ({ event_id: id, org_id: orgId })))
        .execute();
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'event.create',
      orgId: input.orgId,
      objectType: 'event',
      objectId: id,
      detail: { title: input.title, kind: input.kind, capacity: input.capacity, invites: invites.length },
    });
  });
  return id;
}
