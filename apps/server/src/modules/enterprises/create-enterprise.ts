import type { EnterpriseInput } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { invalid } from '../../platform/http/errors.js';
import { assertCodeFree, assertFoundedOn, enterpriseColumns, resolveArea, resolveCovering } from './enterprise.repository.js';

/** Registers an enterprise under a district or park committee (`enterprise.manage` there). */
export async function createEnterprise(ctx: Ctx, input: EnterpriseInput): Promise<string> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  assertFoundedOn(input.foundedOn, today);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      const area = await resolveArea(trx, access, input.areaOrgId);
      const covering = await resolveCovering(trx, access, input.coveringOrgId);
      await assertCodeFree(trx, input.creditCode, null, async (id) => {
        const seen = await trx
          .selectFrom('enterprise')
          .select('name')
          .where('id', '=', id)
          .where(enterpriseVisible(access, today))
          .executeTakeFirst();
        return seen?.name ?? null;
      });
      const id = uuidv7();
      await trx
        .insertInto('enterprise')
        .values({
          id,
          ...enterpriseColumns(input, area, covering),
          created_at: now.toISOString(),
          created_by: access.user!.id,
          updated_at: now.toISOString(),
          version: 1,
          archived_at: null,
          archive_reason: null,
        })
        .execute();
      await ctx.audit.record(trx, ctx.actor, {
        type: 'enterprise.create',
        orgId: area.areaOrgId,
        objectType: 'enterprise',
        objectId: id,
        detail: { name: input.name, creditCode: input.creditCode, coverageKind: covering.coverageKind },
      });
      return id;
    });
  } catch (e) {
    // Two registrations of one code racing past the check meet the unique index.
    if (isUniqueViolation(e)) throw invalid('creditCode', '该统一社会信用代码已登记');
    throw e;
  }
}
