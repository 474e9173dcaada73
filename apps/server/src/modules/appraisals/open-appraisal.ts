import type { OpenAppraisalBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { isUniqueViolation, lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { APPRAISING_KINDS, actorOf } from './appraisal.repository.js';

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
      const org = await trx
        .selectFrom('org')
        .select(['id', 'kind', 'status'])
        .where('id', '=', input.orgId)
        .executeTakeFirstOrThrow();
      if (!(APPRAISING_KINDS as readonly string[]).includes(org.kind) || org.status !== 'active') {
        throw invalid('orgId', '民主评议以党支部为单位开展，请选择党支部');
      }
      if (input.year > Number(beijingDate(now).slice(0, 4))) throw invalid('year', '评议年度不能晚于今年');
      await lockFor(trx, `appraisal:${org.id}:${input.year}`);
      const existing = await trx
        .selectFrom('appraisal')
        .select('id')
        .where('org_id', '=', org.id)
        .where('year', '=', input.year)
        .executeTakeFirst();
      if (existing) throw conflict(`该支部${input.year}年度的民主评议已经开展`);
      // Members are kept on their branch (never on a party group); a general branch's branches appraise on their own.
      const members = await trx
        .selectFrom('member')
        .select(['id', 'name', 'status'])
        .where('archived_at', 'is', null)
        .where('org_id', '=', org.id)
        .execute();
      if (members.length === 0) throw invalid('orgId', '该支部还没有党员，无法开展民主评议');
      const actor = actorOf(access);
      await trx
        .insertInto('appraisal')
        .values({
          id,
          org_id: org.id,
          year: input.year,
          status: 'open',
          opened_at: now.toISOString(),
          opened_by: actor.id,
          opened_by_name: actor.name,
          closed_at: null,
          closed_by: null,
          closed_by_name: null,
        })
        .execute();
      for (let i = 0; i < members.length; i += 200) {
        await trx
          .insertInto('appraisal_entry')
          .values(
            members.slice(i, i + 200).map((m) => ({
              id: uuidv7(),
              appraisal_id: id,
              member_id: m.id,
              member_name: m.name,
              member_status: m.status,
              self_assessment: null,
              mutual_excellent: null,
              mutual_qualified: null,
              mutual_basically_qualified: null,
              mutual_unqualified: null,
              committee_opinion: null,
              grade: null,
              version: 1,
              updated_at: null,
              updated_by_name: null,
            })),
          )
          .execute();
      }
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
