import type { RelayTargets } from '@tongxin/contracts';
import { sql } from 'kysely';
import type { Ctx } from '../../../context.js';
import { notFound } from '../../../platform/http/errors.js';
import { under } from '../governance-access.js';

const LIMIT = 500;

/** Whom a committee may send relay tasks to under one of its events (names only). */
export async function listRelayTargets(ctx: Ctx, eventId: string): Promise<RelayTargets> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const event = await trx.selectFrom('hot_event').select(['id', 'org_id']).where('id', '=', eventId).executeTakeFirst();
    if (!event) throw notFound('热点事件');
    await access.authorize('governance.manage', event.org_id, '热点事件');
    const enterprises = await trx
      .selectFrom('enterprise')
      .select(['id', 'name'])
      .where('archived_at', 'is', null)
      .where(under(event.org_id, 'enterprise.area_org_id'))
      .orderBy(sql`name_pinyin`)
      .limit(LIMIT)
      .execute();
    const orgs = await trx
      .selectFrom('org')
      .select(['id', 'name'])
      .where('status', '=', 'active')
      .where('kind', '!=', 'group')
      .where('id', '!=', event.org_id)
      .where(under(event.org_id, 'org.id'))
      .orderBy(sql`name_pinyin`)
      .limit(LIMIT)
      .execute();
    const accounts = await trx
      .selectFrom('media_account')
      .leftJoin('enterprise', 'enterprise.id', 'media_account.enterprise_id')
      .leftJoin('org', 'org.id', 'media_account.owner_org_id')
      .select(['media_account.id', 'media_account.name', 'enterprise.name as e', 'org.name as o'])
      .where(under(event.org_id, 'media_account.area_org_id'))
      .orderBy('media_account.name')
      .limit(LIMIT)
      .execute();
    return {
      enterprises,
      orgs,
      accounts: accounts.map((a) => ({ id: a.id, name: `${a.name}（${a.e ?? a.o ?? ''}）` })),
    };
  });
}
