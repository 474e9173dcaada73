import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { notFound } from '../../platform/http/errors.js';
import { addHistory, findOrg, setOrgName } from './org.repository.js';
import { assertActive, assertUniqueName } from './org-rules.js';

export async function renameOrg(ctx: Ctx, id: string, name: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, 'org_tree');
    const org = await findOrg(trx, id);
    if (!org) throw notFound('组织');
    await ctx.access.in(trx).authorize('org.manage', org.id);
    assertActive(org);
    if (org.parent_id) await assertUniqueName(trx, org.parent_id, name, org.id);
    await setOrgName(trx, org.id, name);
    const now = ctx.clock.now().toISOString();
    await addHistory(trx, org.id, now, 'rename', ctx.access.user!.id, `由「${org.name}」更名为「${name}」`);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'org.rename',
      orgId: org.id,
      objectType: 'org',
      objectId: org.id,
      detail: { before: { name: org.name }, after: { name } },
    });
  });
}
