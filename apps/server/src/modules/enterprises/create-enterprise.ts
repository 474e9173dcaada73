import type { EnterpriseInput } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { invalid } from '../../platform/http/errors.js';
import { insertEnterprise } from './enterprise.repository.js';
import { assertCodeFree, assertFoundedOn, resolveArea, resolveCovering } from './enterprise-rules.js';

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
      await assertCodeFree(trx, access, today, input.creditCode, null);
      const id = uuidv7();
      await insertEnterprise(trx, { id, input, area, covering, at: now.toISOString(), by: access.user!.id });
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
