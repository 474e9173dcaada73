import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import {
  activeChildren,
  addHistory,
  archiveOrg,
  findOrg,
  isInSubtree,
  moveActiveMembers,
  moveSubtree,
} from './org.repository.js';
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
    const children = await activeChildren(trx, source.id);
    for (const child of children) {
      assertPlacement(target, child.kind, child.level, 'intoOrgId');
      await assertUniqueName(trx, target.id, child.name, child.id);
      await moveSubtree(trx, child.id, target.id);
    }
    const moved = await moveActiveMembers(trx, source.id, target.id);
    const now = ctx.clock.now().toISOString();
    await archiveOrg(trx, source.id, now, reason, target.id);
    const actor = ctx.access.user!.id;
    await addHistory(trx, source.id, now, 'merge', actor, `并入「${target.name}」：${reason}`);
    await addHistory(
      trx,
      target.id,
      now,
      'merge',
      actor,
      `「${source.name}」并入本组织（下级组织${children.length}个，党员${moved}名）`,
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
        movedMembers: moved,
      },
    });
  });
}
