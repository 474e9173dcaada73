import type { mediaAccountBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Access } from '../../../access/access.js';
import { enterpriseVisible } from '../../../access/enterprise-scope.js';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import type { Trx } from '../../../platform/db/connect.js';
import { isUniqueViolation } from '../../../platform/db/helpers.js';
import { conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { contactEnterpriseIds } from '../governance-access.js';
import { nearestCommittee } from './media-account.repository.js';
import { mayEditAccount } from './media-rules.js';

type Input = z.output<typeof mediaAccountBody>;

/** Resolves the named owner: invisible → 404; visible but not the caller's to register for → 403. */
export async function resolveOwner(trx: Trx, access: Access, input: Pick<Input, 'ownerKind' | 'ownerId'>, today: string) {
  const own = new Set(await contactEnterpriseIds(trx, access));
  if (input.ownerKind === 'enterprise') {
    const e = await trx
      .selectFrom('enterprise')
      .select(['id', 'name', 'area_org_id', 'archived_at'])
      .where('id', '=', input.ownerId)
      .where(enterpriseVisible(access, today))
      .executeTakeFirst();
    if (!e) throw notFound('企业');
    const owner = { owner_kind: 'enterprise' as const, enterprise_id: e.id, owner_org_id: null, area_org_id: e.area_org_id };
    if (!(await mayEditAccount(access, owner, own))) throw forbidden('只有企业联络员或所在党委可以登记该企业的账号');
    if (e.archived_at) throw conflict(`「${e.name}」已归档`);
    return { ...owner, name: e.name };
  }
  const org = await trx.selectFrom('org').select(['id', 'name', 'status']).where('id', '=', input.ownerId).executeTakeFirst();
  if (!org || !(await access.canSee(org.id))) throw notFound('党组织');
  const owner = {
    owner_kind: 'org' as const,
    enterprise_id: null,
    owner_org_id: org.id,
    area_org_id: await nearestCommittee(trx, org.id),
  };
  if (!(await mayEditAccount(access, owner, own))) throw forbidden('只有该党组织或上级党委可以登记其账号');
  if (org.status !== 'active') throw conflict(`「${org.name}」已撤销`);
  return { ...owner, name: org.name };
}

/** Registers a real account of a named owner in the matrix. */
export async function createMediaAccount(ctx: Ctx, input: Input): Promise<string> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    if (!access.user) throw notFound('账号');
    const owner = await resolveOwner(trx, access, input, beijingDate(now));
    const id = uuidv7();
    try {
      await trx
        .insertInto('media_account')
        .values({
          id,
          platform: input.platform,
          name: input.name,
          handle: input.handle,
          owner_kind: owner.owner_kind,
          enterprise_id: owner.enterprise_id,
          owner_org_id: owner.owner_org_id,
          area_org_id: owner.area_org_id,
          operator_name: input.operatorName,
          follower_band: input.followerBand,
          verification: input.verification,
          url: input.url,
          created_at: at,
          created_by: access.user.id,
          updated_at: at,
          version: 1,
        })
        .execute();
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('该平台上的这个账号ID已登记');
      throw err;
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.media_create',
      orgId: owner.area_org_id,
      objectType: 'media_account',
      objectId: id,
      detail: { owner: owner.name, platform: input.platform, name: input.name, handle: input.handle },
    });
    return id;
  });
}
