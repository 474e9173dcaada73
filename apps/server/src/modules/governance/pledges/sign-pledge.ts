import { v7 as uuidv7 } from 'uuid';
import { enterpriseVisible } from '../../../access/enterprise-scope.js';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { isUniqueViolation } from '../../../platform/db/helpers.js';
import { conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { isContactOf, under } from '../governance-access.js';
import { findPledge } from './pledge.repository.js';

/**
 * An enterprise signs the pledge's current version through its contact (who, when, which version). Others who
 * see the enterprise are refused (403); to anyone else it does not exist (404).
 */
export async function signPledge(ctx: Ctx, id: string, enterpriseId: string): Promise<{ version: number }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const p = await findPledge(trx, id);
    if (!p) throw notFound('倡议书');
    const e = await trx
      .selectFrom('enterprise')
      .select(['id', 'name', 'area_org_id', 'archived_at'])
      .where('id', '=', enterpriseId)
      .where(enterpriseVisible(access, today))
      .executeTakeFirst();
    if (!e) throw notFound('企业');
    if (!(await isContactOf(trx, access, e.id))) throw forbidden('只有企业联络员可以代表企业签署倡议书');
    if (e.archived_at) throw conflict(`「${e.name}」已归档，不能签署`);
    const inArea = await trx
      .selectFrom('enterprise')
      .select('id')
      .where('id', '=', e.id)
      .where(under(p.org_id, 'enterprise.area_org_id'))
      .executeTakeFirst();
    if (!inArea) throw conflict(`「${e.name}」不在该倡议书的发布范围内`);
    const version = Number(p.current_version);
    try {
      await trx
        .insertInto('pledge_signature')
        .values({
          id: uuidv7(),
          pledge_id: id,
          version,
          enterprise_id: e.id,
          signed_at: at,
          signed_by: access.user!.id,
          signed_by_name: access.user!.displayName,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`「${e.name}」已签署第${version}版`);
      throw err;
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.pledge_sign',
      orgId: e.area_org_id,
      objectType: 'pledge',
      objectId: id,
      detail: { enterpriseId: e.id, version },
    });
    return { version };
  });
}
