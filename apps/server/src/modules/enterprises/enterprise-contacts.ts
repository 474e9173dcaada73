import { loadEnterprise } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { assertActive } from './enterprise.repository.js';

/**
 * Links an enterprise-contact account to an enterprise (`enterprise.manage` there). The account must hold the
 * enterprise-contact role and be one the actor may see (`account.read` at its home org).
 */
export async function addContact(ctx: Ctx, id: string, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterprise(trx, access, id, beijingDate(now), 'manage');
    assertActive(e);
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'home_org_id', 'display_name', 'disabled_at'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user?.home_org_id || !(await access.can('account.read', user.home_org_id))) {
      throw invalid('userId', '联络员账号不存在或您无权查看');
    }
    if (user.disabled_at) throw invalid('userId', '该账号已停用');
    const role = await trx
      .selectFrom('role_grant')
      .select('id')
      .where('user_id', '=', userId)
      .where('role', '=', 'enterprise_contact')
      .executeTakeFirst();
    if (!role) throw invalid('userId', '该账号没有“企业联络员”角色，请先在账号管理中授予');
    const existing = await trx
      .selectFrom('enterprise_contact')
      .select('user_id')
      .where('enterprise_id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (existing) throw conflict('该账号已是本企业的联络员');
    await trx
      .insertInto('enterprise_contact')
      .values({ enterprise_id: id, user_id: userId, created_at: now.toISOString(), created_by: access.user!.id })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.contact_add',
      orgId: e.area_org_id,
      objectType: 'enterprise',
      objectId: id,
      detail: { userId, name: user.display_name },
    });
  });
}

export async function removeContact(ctx: Ctx, id: string, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterprise(trx, access, id, beijingDate(now), 'manage');
    const removed = await trx
      .deleteFrom('enterprise_contact')
      .where('enterprise_id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) throw notFound('联络员');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.contact_remove',
      orgId: e.area_org_id,
      objectType: 'enterprise',
      objectId: id,
      detail: { userId },
    });
  });
}
