import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { activeChildCount, activeMemberCount, addHistory, archiveOrg, findOrg } from './org.repository.js';
import { assertActive } from './org-rules.js';

/** Dissolves (撤销) an empty org: archived, never deleted, so its history stays. */
export async function dissolveOrg(ctx: Ctx, id: string, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, 'org_tree');
    const org = await findOrg(trx, id);
    if (!org) throw notFound('组织');
    await ctx.access.in(trx).authorize('org.manage', org.id);
    assertActive(org);
    if (!org.parent_id) throw conflict('最高一级党组织不能撤销');
    const children = await activeChildCount(trx, org.id);
    if (children > 0) throw conflict(`尚有${children}个下级组织，请先调整或撤销下级组织`);
    const members = await activeMemberCount(trx, org.id);
    if (members > 0) throw conflict(`尚有${members}名党员，请先办理组织关系转接`);
    const now = ctx.clock.now().toISOString();
    await archiveOrg(trx, org.id, now, reason);
    await addHistory(trx, org.id, now, 'dissolve', ctx.access.user!.id, `撤销：${reason}`);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'org.dissolve',
      orgId: org.id,
      objectType: 'org',
      objectId: org.id,
      detail: { reason },
    });
  });
}
