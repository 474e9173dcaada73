import { type raiseServiceRequestBody, SERVICE_CATEGORY_LABELS, serviceDueDate } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { attachToEntry } from './service-attachments.js';
import { addServiceEvent, enterpriseForRequest, insertServiceRequest, isContactOf } from './service-request.repository.js';

type Input = z.output<typeof raiseServiceRequestBody>;

/**
 * Whether this user may raise a request for the enterprise: its contact, or the secretary of the org covering
 * it. A handler of the enterprise's committee may not (it would answer and rate its own ctx): 403. Anyone
 * else does not see the enterprise: 404.
 */
export async function assertMayRaise(
  trx: Trx,
  access: Access,
  e: { id: string; area_org_id: string; covering_org_id: string | null },
) {
  if (await access.can('service.handle', e.area_org_id)) {
    throw forbidden('党委承办人员不能代企业提出诉求，请由企业联络员或所在党组织书记提出');
  }
  if (e.covering_org_id && (await access.can('service.request', e.covering_org_id))) return;
  if (access.holdsAnywhere('service.contact') && (await isContactOf(trx, access.user!.id, e.id))) return;
  throw notFound('企业');
}

/** An enterprise contact or a covering secretary raises a request; its deadline comes from the category's rule. */
export async function raiseServiceRequest(ctx: Ctx, input: Input): Promise<string> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await enterpriseForRequest(trx, input.enterpriseId);
    if (!e) throw notFound('企业');
    await assertMayRaise(trx, access, e);
    if (e.archived_at || e.operating_status === 'deregistered') throw conflict(`「${e.name}」已注销或归档，不能再提出诉求`);
    const user = access.user!;
    const due = serviceDueDate(input.category, today);
    const id = uuidv7();
    await insertServiceRequest(trx, {
      id,
      enterprise_id: e.id,
      org_id: e.area_org_id,
      covering_org_id: e.covering_org_id,
      category: input.category,
      title: input.title,
      description: input.description,
      status: 'open',
      raised_at: at,
      raised_on: today,
      raised_by: user.id,
      raised_by_name: user.displayName,
      assignee_id: null,
      assignee_name: null,
      due_on: due.dueOn,
      rule_version: due.ruleVersion,
      last_activity_at: at,
      updated_at: at,
    });
    const entry = await addServiceEvent(trx, {
      requestId: id,
      at,
      kind: 'raise',
      side: 'requester',
      actor: { id: user.id, name: user.displayName },
    });
    await attachToEntry(trx, { requestOrgId: e.area_org_id, entryId: entry, userId: user.id, ids: input.attachmentIds, at });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'service.raise',
      orgId: e.area_org_id,
      objectType: 'service_request',
      objectId: id,
      detail: {
        enterpriseId: e.id,
        category: SERVICE_CATEGORY_LABELS[input.category],
        title: input.title,
        dueOn: due.dueOn,
        ruleVersion: due.ruleVersion,
        attachments: input.attachmentIds.length,
      },
    });
    return id;
  });
}
