import type { OpenAppraisalBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { isUniqueViolation, lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';
import {
  APPRAISING_KINDS,
  activeMembersOf,
  actorOf,
  findAppraisalOf,
  insertAppraisal,
  insertEntries,
  newEntry,
} from './appraisal.repository.js';

/**
 * Opens a branch's appraisal for a year: every active member of the branch takes part, with the status they hold today (a probationary member takes part without a grade).
 */
export async function openAppraisal(ctx: Ctx, input: Required<OpenAppraisalBody>): Promise<string> {
  const now = ctx.clock.now();
  const id = uuidv7();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      await access.authorize('appraisal.manage', input.orgId, '党组织');
      const org = await findOrg(trx, input.orgId);
      if (!org) throw notFound('党组织');
      if (!(APPRAISING_KINDS as readonly string[]).includes(org.kind) || org.status !== 'active') {
        throw invalid('orgId', '民主评议以党支部为单位开展，请选择党支部');
      }
      if (input.year > Number(beijingDate(now).slice(0, 4))) throw invalid('year', '评议年度不能晚于今年');
      await lockFor(trx, `appraisal:${org.id}:${input.year}`);
      if (await findAppraisalOf(trx, org.id, input.year)) throw conflict(`该支部${input.year}年度的民主评议已经开展`);
      // Members are kept on their branch (never on a party group); a general branch's branches appraise on their own.
      const members = await activeMembersOf(trx, org.id);
      if (members.length === 0) throw invalid('orgId', '该支部还没有党员，无法开展民主评议');
      const actor = actorOf(access);
      await insertAppraisal(trx, {
        id,
        orgId: org.id,
        year: input.year,
        status: 'open',
        openedAt: now.toISOString(),
        openedBy: actor.id,
        openedByName: actor.name,
        closedAt: null,
        closedBy: null,
        closedByName: null,
      });
      await insertEntries(
        trx,
        members.map((m) => newEntry(id, m)),
      );
      await ctx.audit.record(trx, ctx.actor, {
        type: 'appraisal.open',
        orgId: org.id,
        objectType: 'appraisal',
        objectId: id,
        detail: { year: input.year, participants: members.length },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(`该支部${input.year}年度的民主评议已经开展`);
    throw e;
  }
  return id;
}
