import type { publishReleaseBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import type { Trx } from '../../../platform/db/connect.js';
import { invalid, notFound } from '../../../platform/http/errors.js';
import { setOwnerAttachments } from '../../attachments/attachment.repository.js';
import { under } from '../governance-access.js';
import { RELEASE_IMAGES } from './release-attachments.js';

type Input = z.output<typeof publishReleaseBody>;
interface Resolved {
  kind: 'enterprise' | 'org' | 'account';
  enterpriseId: string | null;
  orgId: string | null;
  accountId: string | null;
  name: string;
}
const OUTSIDE = '有转发对象不存在或不在本党委范围内，请重新选择';

/** Each target must lie under the event's committee: a live enterprise, an active organisation, or an account of either. */
async function resolveTargets(trx: Trx, committee: string, targets: Input['targets']): Promise<Resolved[]> {
  const ids = (kind: string) => [...new Set(targets.filter((t) => t.kind === kind).map((t) => t.id))];
  const out: Resolved[] = [];
  const ents = ids('enterprise');
  if (ents.length) {
    const rows = await trx
      .selectFrom('enterprise')
      .select(['id', 'name'])
      .where('id', 'in', ents)
      .where('archived_at', 'is', null)
      .where(under(committee, 'enterprise.area_org_id'))
      .execute();
    if (rows.length !== ents.length) throw invalid('targets', OUTSIDE);
    for (const r of rows) out.push({ kind: 'enterprise', enterpriseId: r.id, orgId: null, accountId: null, name: r.name });
  }
  const orgs = ids('org');
  if (orgs.length) {
    const rows = await trx
      .selectFrom('org')
      .select(['id', 'name'])
      .where('id', 'in', orgs)
      .where('status', '=', 'active')
      .where(under(committee, 'org.id'))
      .execute();
    if (rows.length !== orgs.length) throw invalid('targets', OUTSIDE);
    for (const r of rows) out.push({ kind: 'org', enterpriseId: null, orgId: r.id, accountId: null, name: r.name });
  }
  const accounts = ids('account');
  if (accounts.length) {
    const rows = await trx
      .selectFrom('media_account')
      .leftJoin('enterprise', 'enterprise.id', 'media_account.enterprise_id')
      .leftJoin('org', 'org.id', 'media_account.owner_org_id')
      .select([
        'media_account.id',
        'media_account.name',
        'media_account.enterprise_id',
        'media_account.owner_org_id',
        'enterprise.name as enterprise_name',
        'org.name as org_name',
      ])
      .where('media_account.id', 'in', accounts)
      .where(under(committee, 'media_account.area_org_id'))
      .execute();
    if (rows.length !== accounts.length) throw invalid('targets', OUTSIDE);
    for (const r of rows) {
      out.push({
        kind: 'account',
        enterpriseId: r.enterprise_id,
        orgId: r.owner_org_id,
        accountId: r.id,
        name: r.enterprise_name ?? r.org_name ?? r.name,
      });
    }
  }
  return out;
}

/**
 * The committee publishes an authoritative release under a hot event and sends a relay task to each chosen
 * enterprise, organisation or account, with one deadline.
 */
export async function publishRelease(ctx: Ctx, eventId: string, input: Input): Promise<string> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (new Date(input.deadlineAt) <= now) throw invalid('deadlineAt', '转发时限须晚于当前时间');
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const event = await trx.selectFrom('hot_event').selectAll().where('id', '=', eventId).executeTakeFirst();
    if (!event) throw notFound('热点事件');
    await access.authorize('governance.manage', event.org_id, '热点事件');
    const targets = await resolveTargets(trx, event.org_id, input.targets);
    const user = access.user!;
    const id = uuidv7();
    const deadline = new Date(input.deadlineAt).toISOString();
    await trx
      .insertInto('official_release')
      .values({
        id,
        event_id: event.id,
        org_id: event.org_id,
        title: input.title,
        body: input.body,
        link: input.link,
        authority: input.authority,
        deadline_at: deadline,
        published_at: at,
        published_by: user.id,
        published_by_name: user.displayName,
      })
      .execute();
    for (const t of targets) {
      await trx
        .insertInto('relay_task')
        .values({
          id: uuidv7(),
          release_id: id,
          org_id: event.org_id,
          target_kind: t.kind,
          enterprise_id: t.enterpriseId,
          target_org_id: t.orgId,
          media_account_id: t.accountId,
          target_name: t.name,
          deadline_at: deadline,
          reported_at: null,
          reported_by: null,
          reported_by_name: null,
          relay_url: null,
          note: null,
          late: 0,
          created_at: at,
        })
        .execute();
    }
    await setOwnerAttachments(trx, {
      ownerKind: RELEASE_IMAGES.kind,
      ownerId: id,
      orgId: event.org_id,
      userId: user.id,
      ids: input.imageIds,
      now: at,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.release_publish',
      orgId: event.org_id,
      objectType: 'official_release',
      objectId: id,
      detail: {
        eventId: event.id,
        title: input.title,
        tasks: targets.length,
        deadlineAt: deadline,
        images: input.imageIds.length,
      },
    });
    return id;
  });
}
