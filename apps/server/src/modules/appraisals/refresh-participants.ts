import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { activeMembersOf, deleteEntries, entriesWithMembers, insertEntries, newEntry } from './appraisal.repository.js';
import { loadAppraisal } from './load-appraisal.js';

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
    const entries = await entriesWithMembers(trx, id);
    const present = new Set(entries.map((e) => e.memberId));
    const joined = (await activeMembersOf(trx, appraisal.orgId)).filter((m) => !present.has(m.id));
    const untouched = (e: (typeof entries)[number]) =>
      e.grade === null && e.selfAssessment === null && e.mutual === null && e.committeeOpinion === null;
    const left = entries.filter((e) => (e.memberArchived || e.memberOrgId !== appraisal.orgId) && untouched(e));
    await deleteEntries(
      trx,
      left.map((e) => e.id),
    );
    await insertEntries(
      trx,
      joined.map((m) => newEntry(id, m)),
    );
    await ctx.audit.record(trx, ctx.actor, {
      type: 'appraisal.refresh',
      orgId: appraisal.orgId,
      objectType: 'appraisal',
      objectId: id,
      detail: { added: joined.map((m) => m.id), removed: left.map((e) => e.memberId) },
    });
    return { added: joined.length, removed: left.length };
  });
}
