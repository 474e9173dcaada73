import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { findAccountFor, insertContact, isContactOf } from './enterprise-account.repository.js';
import { assertActive, loadEnterpriseFor } from './enterprise-rules.js';

/**
 * Links an enterprise-contact account to an enterprise (`enterprise.manage` there). The account must hold the
 * enterprise-contact role and be one the actor may see (`account.read` at its home org).
 */
export async function addContact(ctx: Ctx, id: string, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterpriseFor(trx, access, id, beijingDate(now), 'manage');
    assertActive(e);
    const user = await findAccountFor(trx, userId, 'enterprise_contact');
    if (!user?.homeOrgId || !(await access.can('account.read', user.homeOrgId))) {
      throw invalid('userId', '联络员账号不存在或您无权查看');
    }
    if (user.disabled) throw invalid('userId', '该账号已停用');
    if (!user.holdsRole) throw invalid('userId', '该账号没有“企业联络员”角色，请先在账号管理中授予');
    if (await isContactOf(trx, id, userId)) throw conflict('该账号已是本企业的联络员');
    await insertContact(trx, { enterpriseId: id, userId, at: now.toISOString(), by: access.user!.id });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.contact_add',
      orgId: e.areaOrgId,
      objectType: 'enterprise',
      objectId: id,
      detail: { userId, name: user.displayName },
    });
  });
}
