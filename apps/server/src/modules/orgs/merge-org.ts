import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { addHistory, findOrg, isInSubtree, moveSubtree } from './org.repository.js';
import { assertActive, assertPlacement, assertUniqueName } from './org-rules.js';

/**
 * Merges `id` into `intoOrgId`: its child orgs and members move to the target, and it is archived with a
 * pointer to the target, so its history stays readable.
 */
export async function mergeOrg(ctx: Ctx, id: string, intoOrgId: string, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, 'org_tree');
    const source = await findOrg(trx, id);
    if (!source) throw notFound('组织');
    await ctx.access.in(trx).authorize('org.manage', source.id);
    const target = await findOrg(trx, intoOrgId);
    if (!target) throw notFound('合并目标组织');
    await ctx.access.in(trx).authorize('org.manage', target.id, '合并目标组织');
    assertActive(source);
    assertActive(target);
    if (!source.parent_id) throw conflict('最高一级党组织不能被合并');
    if (source.id === target.id || (await isInSubtree(trx, source.id, target.id))) {
      throw invalid('intoOrgId', '不能合并到本组织或其下级组织');
    }
    if (source.kind !== target.kind) throw invalid('intoOrgId', '只能合并到同类型的组织');
    const children = await trx
      .selectFrom('org')
      .selectAll()
      .where('parent_id', '=', source.id)
      .where('status', '=', 'active')
      .execute();
    for (const child of children) {
      assertPlacement(target, child.kind, child.level, 'intoOrgId');
      await assertUniqueName(trx, target.id, child.name, child.id);
      await moveSubtree(trx, child.id, target.id);
    }
    const moved = await trx
      .updateTable('member')
      .set({ org_id: target.id })
      .where('org_id', '=', source.id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('org')
      .set({ status: 'archived', archived_at: now, archive_reason: reason, merged_into_id: target.id })
      .where('id', '=', source.id)
      .execute();
    const actor = ctx.access.user!.id;
    await addHistory(trx, source.id, now, 'merge', actor, `并入「${target.name}」：${reason}`);
    await addHistory(
      trx,
      target.id,
      now,
      'merge',
      actor,
      `「${source.name}」并入本组织（下级组织${children.length}个，党员${Number(moved.numUpdatedRows)}名）`,
    );
    await ctx.audit.record(trx, ctx.actor, {
      type: 'org.merge',
      orgId: source.id,
      objectType: 'org',
      objectId: source.id,
      detail: {
        intoOrgId: target.id,
        reason,
        movedChildren: children.map((c) => c.id),
        movedMembers: Number(moved.numUpdatedRows),
      },
    });
  });
}
