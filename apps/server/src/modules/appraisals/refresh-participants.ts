import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { loadAppraisal } from './appraisal.repository.js';

/**
 * Brings an open appraisal's participants up to date with the ledger: members who joined the branch since it
 * opened (a transfer in, an admission) are added; members who left it (archived, or moved to another org) are
 * removed unless they already have assessments recorded, which are kept as they are.
 */
export async function refreshParticipants(ctx: Ctx, id: string): Promise<{ added: number; removed: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const appraisal = await loadAppraisal(trx, access, id);
    if (appraisal.status !== 'open') throw conflict('该民主评议已结束，不能再调整参评名单');
    await lockFor(trx, `appraisal:${id}`);
    const entries = await trx
      .selectFrom('appraisal_entry')
      .innerJoin('member', 'member.id', 'appraisal_entry.member_id')
      .select([
        'appraisal_entry.id',
        'appraisal_entry.member_id',
        'appraisal_entry.grade',
        'appraisal_entry.self_assessment',
        'appraisal_entry.mutual_excellent',
        'appraisal_entry.committee_opinion',
        'member.org_id',
        'member.archived_at',
      ])
      .where('appraisal_entry.appraisal_id', '=', id)
      .execute();
    const present = new Set(entries.map((e) => e.member_id));
    const joined = (
      await trx
        .selectFrom('member')
        .select(['id', 'name', 'status'])
        .where('org_id', '=', appraisal.org_id)
        .where('archived_at', 'is', null)
        .execute()
    ).filter((m) => !present.has(m.id));
    const untouched = (e: (typeof entries)[number]) =>
      e.grade === null && e.self_assessment === null && e.mutual_excellent === null && e.committee_opinion === null;
    const left = entries.filter((e) => (e.archived_at !== null || e.org_id !== appraisal.org_id) && untouched(e));
    if (left.length > 0) {
      await trx
        .deleteFrom('appraisal_entry')
        .where(
          'id',
          'in',
          left.map((e) => e.id),
        )
        .execute();
    }
    if (joined.length > 0) {
      await trx
        .insertInto('appraisal_entry')
        .values(
          joined.map((m) => ({
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
      type: 'appraisal.refresh',
      orgId: appraisal.org_id,
      objectType: 'appraisal',
      objectId: id,
      detail: { added: joined.map((m) => m.id), removed: left.map((e) => e.member_id) },
    });
    return { added: joined.length, removed: left.length };
  });
}
