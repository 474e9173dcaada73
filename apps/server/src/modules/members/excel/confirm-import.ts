import { checkMemberFacts, MEMBER_ORG_KINDS, type MemberInput, normaliseMobile } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../../access/access.js';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import type { Trx } from '../../../platform/db/connect.js';
import { dropStagedRows, findOwnImport, isStalled, purgeExpired, stagedBatches } from '../../../platform/excel/import-jobs.js';
import { conflict, notFound } from '../../../platform/http/errors.js';
import { findOrg } from '../../orgs/org.repository.js';
import { describeMember } from '../member.presenter.js';
import { type MemberRow, memberColumns, sealPersonal } from '../member.repository.js';
import { describeDuplicate } from '../member-duplicates.js';
import { enterprisesByExactName } from '../member-employer.js';
import { claimImport, findActiveHolders, insertImportedMembers, setImportedCount } from './member-import.repository.js';

/** Rows per INSERT statement (well within both engines' bound-parameter limits). */
const INSERT = 200;

/**
 * POST /api/members/import/:id/confirm: writes a clean import's members, all or nothing, in one transaction.
 * Only the uploader may confirm, only once, only with zero errors; scope, orgs and duplicates are checked
 * again (things may have changed since the validation). Each member gets a 'create' history entry; the
 * import is one audit event with the row count and the file's SM3.
 */
export async function confirmImport(ctx: Ctx, id: string): Promise<{ imported: number }> {
  ctx.access.requireAnywhere('member.import');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  const userId = ctx.access.user!.id;
  await purgeExpired(ctx.db, now);
  const found = await findOwnImport(ctx.db, 'member', id, userId, now);
  if (!found) throw notFound('导入记录');
  if (found.status === 'imported') throw conflict('该文件已经导入，请勿重复导入');
  if (found.status === 'validating' && !isStalled(found, now)) throw conflict('文件还在校验中，请等校验完成后再确认导入');
  if (found.status !== 'ready') throw conflict('该文件未通过校验，请修改后重新上传');
  if (found.error_rows > 0) throw conflict(`文件中有 ${found.error_rows} 行错误，不能导入：请按报告修改文件后重新上传`);

  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    // Claiming the import first makes a second confirm (even a concurrent one) find nothing to claim.
    if (!(await claimImport(trx, id, at))) throw conflict('该文件已经导入，请勿重复导入');

    const orgOk = orgChecker(trx, access);
    const actor = { id: access.user!.id, name: access.user!.displayName };
    const reason = `批量导入：${found.file_name}`;
    const orgs = new Set<string>();
    let count = 0;
    let after = -1;
    for (;;) {
      const [batch] = await stagedBatches<MemberInput>(trx, ctx.crypto, id, after, 1);
      if (!batch) break;
      after = batch.first;
      // A 工作单位 exactly naming one visible, active enterprise links it; anything else stays free text (no report error).
      const names = batch.rows.flatMap(({ input }) => (input.employerName ? [input.employerName] : []));
      const linked = await enterprisesByExactName(trx, access, names, today);
      const rows: (MemberRow & { row_number: number })[] = [];
      for (const { row, input } of batch.rows) {
        const problem = (await orgOk(input.orgId)) ?? checkMemberFacts(input, today)[0]?.message;
        if (problem) throw conflict(`第 ${row} 行：${problem}。请重新上传文件`);
        const sealed = sealPersonal(ctx.crypto, input.idNumber, input.phone ? normaliseMobile(input.phone) : null);
        orgs.add(input.orgId);
        rows.push({
          row_number: row,
          id: uuidv7(),
          org_id: input.orgId,
          ...memberColumns(input),
          ...sealed,
          enterprise_id: (input.employerName && linked.get(input.employerName)) || null,
          created_at: at,
          updated_at: at,
          archived_at: null,
          archive_reason: null,
          version: 1,
        });
      }
      const holders = await findActiveHolders(
        trx,
        rows.map((r) => r.id_number_index!),
      );
      if (holders.length) {
        const holder = holders[0]!;
        const row = rows.find((r) => r.id_number_index === holder.id_number_index)!;
        throw conflict(`第 ${row.row_number} 行：${(await describeDuplicate(access, holder)).message}。请重新上传文件`);
      }
      for (let i = 0; i < rows.length; i += INSERT) {
        const slice = rows.slice(i, i + INSERT);
        await insertImportedMembers(
          trx,
          slice.map(({ row_number, ...member }) => ({ member, changes: describeMember(member) })),
          { at, actor, reason },
        );
      }
      count += rows.length;
    }
    await setImportedCount(trx, id, count);
    await dropStagedRows(trx, id);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'member.import',
      orgId: orgs.size === 1 ? [...orgs][0]! : null,
      objectType: 'member_import',
      objectId: id,
      detail: { rows: count, orgs: orgs.size, fileName: found.file_name, fileSm3: found.file_hash },
    });
    return { imported: count };
  });
}

/** Each org once: still in the user's import scope, still active, still a kind that keeps members. */
function orgChecker(trx: Trx, access: Access) {
  const verdicts = new Map<string, string | null>();
  return async (orgId: string): Promise<string | null> => {
    if (verdicts.has(orgId)) return verdicts.get(orgId)!;
    const org = await findOrg(trx, orgId);
    let verdict: string | null = null;
    if (!org || !(await access.can('member.import', orgId))) verdict = '所在党组织已不在您的导入范围内';
    else if (org.status !== 'active') verdict = `党组织「${org.name}」已撤销`;
    else if (!(MEMBER_ORG_KINDS as readonly string[]).includes(org.kind)) verdict = `「${org.name}」不能直接编入党员`;
    verdicts.set(orgId, verdict);
    return verdict;
  };
}
