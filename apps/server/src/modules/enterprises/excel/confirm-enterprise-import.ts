import type { EnterpriseInput } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { isUniqueViolation } from '../../../platform/db/helpers.js';
import { dropStagedRows, findOwnImport, isStalled, purgeExpired, stagedBatches } from '../../../platform/excel/import-jobs.js';
import { AppError, conflict, notFound } from '../../../platform/http/errors.js';
import { findCodeHolder, insertEnterprise } from '../enterprise.repository.js';
import { resolveArea, resolveCovering } from '../enterprise-rules.js';
import { claimEnterpriseImport, recordImportedCount } from './enterprise-import.repository.js';

/**
 * POST /api/enterprises/import/:id/confirm: writes a clean import's enterprises, all or nothing, in one
 * transaction. Only the uploader, only once, only with zero errors; areas, covering orgs and codes are checked
 * again through the same rules as a single registration (things may have changed since the validation).
 */
export async function confirmEnterpriseImport(ctx: Ctx, id: string): Promise<{ imported: number }> {
  ctx.access.requireAnywhere('enterprise.manage');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const today = beijingDate(now);
  const userId = ctx.access.user!.id;
  await purgeExpired(ctx.db, now);
  const found = await findOwnImport(ctx.db, 'enterprise', id, userId, now);
  if (!found) throw notFound('导入记录');
  if (found.status === 'imported') throw conflict('该文件已经导入，请勿重复导入');
  if (found.status === 'validating' && !isStalled(found, now)) throw conflict('文件还在校验中，请等校验完成后再确认导入');
  if (found.status !== 'ready') throw conflict('该文件未通过校验，请修改后重新上传');
  if (found.error_rows > 0) throw conflict(`文件中有 ${found.error_rows} 行错误，不能导入：请按报告修改文件后重新上传`);

  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      if (!(await claimEnterpriseImport(trx, id, at))) throw conflict('该文件已经导入，请勿重复导入');
      const areas = new Set<string>();
      let count = 0;
      let after = -1;
      for (;;) {
        const [batch] = await stagedBatches<EnterpriseInput>(trx, ctx.crypto, id, after, 1);
        if (!batch) break;
        after = batch.first;
        for (const { row, input } of batch.rows) {
          const again = async <T>(step: () => Promise<T>): Promise<T> => {
            try {
              return await step();
            } catch (e) {
              if (e instanceof AppError) throw conflict(`第 ${row} 行：${e.message}。请重新上传文件`);
              throw e;
            }
          };
          const area = await again(() => resolveArea(trx, access, input.areaOrgId));
          const covering = await again(() => resolveCovering(trx, access, input.coveringOrgId));
          const taken = await findCodeHolder(trx, input.creditCode, null);
          if (taken) throw conflict(`第 ${row} 行：该统一社会信用代码已登记。请重新上传文件`);
          if (input.foundedOn && input.foundedOn > today) throw conflict(`第 ${row} 行：成立日期不能晚于今天。请重新上传文件`);
          areas.add(area.areaOrgId);
          await insertEnterprise(trx, { id: uuidv7(), input, area, covering, at, by: userId });
          count += 1;
        }
      }
      await recordImportedCount(trx, id, count);
      await dropStagedRows(trx, id);
      await ctx.audit.record(trx, ctx.actor, {
        type: 'enterprise.import',
        orgId: areas.size === 1 ? [...areas][0]! : null,
        objectType: 'enterprise_import',
        objectId: id,
        detail: { rows: count, areas: areas.size, fileName: found.file_name, fileSm3: found.file_hash },
      });
      return { imported: count };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('文件中的统一社会信用代码已被他人登记，请重新上传文件');
    throw e;
  }
}
