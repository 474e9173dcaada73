import { isAdminRole, type Reach, ROLE_LABELS, ROLE_PERMISSIONS, type Role } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { coversSubtree } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import type { Trx } from '../../platform/db/connect.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { findOrgStatus, findVisibleAccount, grantsOf, insertGrant } from './account.repository.js';

export interface GrantInput {
  userId: string;
  role: Role;
  orgId: string | null;
  reach: Reach;
}

/**
 * Who may grant what (AZ-04, AZ-06):
 * - the security admin grants any role, never to itself; a 三员 role is system-wide and excludes every other grant;
 * - a committee admin delegates business roles inside its subtree, and only permissions it holds there itself.
 */
export async function assertMayGrant(trx: Trx, ctx: Ctx, input: GrantInput): Promise<void> {
  const access = ctx.access.in(trx);
  if (input.userId === access.user?.id) throw forbidden('不能给自己授权');
  if (isAdminRole(input.role)) {
    if (!access.holdsGlobally('security.grant.manage')) throw forbidden('三员角色只能由安全管理员授予');
    if (input.orgId !== null) throw invalid('orgId', '三员角色为全系统范围，不能指定组织');
    return;
  }
  if (!input.orgId) throw invalid('orgId', '请选择授权的组织');
  if (access.holdsGlobally('security.grant.manage')) return;
  await access.authorize('grant.manage', input.orgId, '授权组织');
  for (const permission of ROLE_PERMISSIONS[input.role]) {
    const held =
      input.reach === 'subtree'
        ? await coversSubtree(access, permission, input.orgId, trx)
        : await access.can(permission, input.orgId);
    if (!held) throw forbidden(`您在该组织没有「${ROLE_LABELS[input.role]}」的全部权限，不能授予`);
  }
}

export async function grantRole(ctx: Ctx, input: GrantInput): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, `account:${input.userId}`);
    const target = await findVisibleAccount(trx, ctx.access, input.userId);
    await assertMayGrant(trx, ctx, input);
    if (input.orgId) {
      const org = await findOrgStatus(trx, input.orgId);
      if (!org) throw notFound('授权组织');
      if (org.status !== 'active') throw invalid('orgId', '该组织已撤销');
    }
    const existing = await grantsOf(trx, [target.id]);
    const adminHeld = existing.find((g) => isAdminRole(g.role));
    if (isAdminRole(input.role) && existing.length > 0) {
      throw conflict(adminHeld ? '三员分立：该账号已担任另一三员角色' : '三员分立：担任业务角色的账号不能再授予三员角色');
    }
    if (adminHeld) throw conflict('三员分立：三员账号不能再授予业务角色');
    if (existing.some((g) => g.role === input.role && g.org_id === input.orgId)) throw conflict('该账号在此组织已有相同角色');
    const id = uuidv7();
    await insertGrant(trx, {
      id,
      user_id: target.id,
      role: input.role,
      org_id: input.orgId,
      reach: input.reach,
      created_at: ctx.clock.now().toISOString(),
      created_by: ctx.access.user!.id,
    });
    // AUTH-09: a change of role or scope ends the account's sessions.
    await endSessions(trx, target.id);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'grant.create',
      orgId: input.orgId,
      objectType: 'role_grant',
      objectId: id,
      detail: { after: { userId: target.id, role: input.role, orgId: input.orgId, reach: input.reach } },
    });
    return id;
  });
}
