import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { addHistory, findOrg, isInSubtree, moveSubtree } from './org.repository.js';
import { assertActive, assertPlacement, assertUniqueName } from './org-rules.js';

/** Moves an org with its whole subtree under a new parent; both places must be the actor's to manage. */
export async function moveOrg(ctx: Ctx, id: string, newParentId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, 'org_tree');
    const org = await findOrg(trx, id);
    if (!org) throw notFound('组织');
    await ctx.access.in(trx).authorize('org.manage', org.id);
    const parent = await findOrg(trx, newParentId);
    if (!parent) throw notFound('新的上级组织');
    await ctx.access.in(trx).authorize('org.manage', parent.id, '新的上级组织');
    assertActive(org);
    if (!org.parent_id) throw conflict('最高一级党组织不能移动');
    if (org.parent_id === parent.id) throw invalid('newParentId', '新的上级组织与当前上级相同');
    if (await isInSubtree(trx, org.id, parent.id)) throw invalid('newParentId', '不能移动到本组织或其下级组织之下');
    assertPlacement(parent, org.kind, org.level, 'newParentId');
    await assertUniqueName(trx, parent.id, org.name, org.id);
    const oldParent = await findOrg(trx, org.parent_id);
    await moveSubtree(trx, org.id, parent.id);
    const now = ctx.clock.now().toISOString();
    await addHistory(trx, org.id, now, 'move', ctx.access.user!.id, `由「${oldParent?.name}」调整至「${parent.name}」`);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'org.move',
      orgId: org.id,
      objectType: 'org',
      objectId: org.id,
      detail: { before: { parentId: org.parent_id }, after: { parentId: parent.id } },
    });
  });
}
