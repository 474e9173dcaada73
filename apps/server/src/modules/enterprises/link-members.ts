import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { addMemberHistory } from '../members/member.repository.js';
import { linkMembers, unlinkedMembersByEmployer } from './enterprise.repository.js';
import { assertActive, loadEnterpriseFor } from './enterprise-rules.js';

/** At most this many members are linked at once (an enterprise with more is linked in several runs). */
const LINK_MAX = 500;

/**
 * Links the ledger's members to an enterprise by what the ledger already says: active members whose 工作单位 is
 * the enterprise's name and who are linked to no enterprise yet. Needs `enterprise.manage` at the enterprise and
 * touches only members in the user's `member.manage` scope; each member gets a history entry, the run one audit
 * event. This is what feeds the member counts of the detail page and the "should set up a branch" list.
 */
export async function linkMembersByEmployer(ctx: Ctx, id: string): Promise<{ linked: number }> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterpriseFor(trx, access, id, beijingDate(now), 'manage');
    assertActive(e);
    const members = await unlinkedMembersByEmployer(trx, e.name, access.scope('member.manage', 'member.org_id'), LINK_MAX);
    if (members.length === 0) return { linked: 0 };
    const at = now.toISOString();
    await linkMembers(
      trx,
      members.map((m) => m.id),
      { id: e.id },
      at,
    );
    const actor = { id: access.user!.id, name: access.user!.displayName };
    for (const m of members) {
      await addMemberHistory(trx, {
        memberId: m.id,
        at,
        actor,
        action: 'update',
        reason: `按工作单位关联到企业名录：${e.name}`,
        changes: [{ field: '所在企业', before: null, after: e.name }],
      });
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.members_link',
      orgId: e.areaOrgId,
      objectType: 'enterprise',
      objectId: e.id,
      detail: { linked: members.length, orgs: new Set(members.map((m) => m.orgId)).size },
    });
    return { linked: members.length };
  });
}
