import type { EnterpriseInput } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { asEnterprise, updateEnterpriseFields } from './enterprise.repository.js';
import {
  assertActive,
  assertCodeFree,
  assertFoundedOn,
  diffEnterprise,
  loadEnterpriseFor,
  resolveArea,
  resolveCovering,
} from './enterprise-rules.js';

type UpdateInput = EnterpriseInput & { version: number; reason: string };

/** An edit with its reason, as a new version; moving it to another area needs `enterprise.manage` at both. */
export async function updateEnterprise(ctx: Ctx, id: string, input: UpdateInput): Promise<void> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  assertFoundedOn(input.foundedOn, today);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      const before = await loadEnterpriseFor(trx, access, id, today, 'manage');
      assertActive(before);
      if (before.version !== input.version) throw conflict('该企业信息已被他人修改，请刷新后重试');
      const area = await resolveArea(trx, access, input.areaOrgId);
      const covering = await resolveCovering(trx, access, input.coveringOrgId);
      if (input.creditCode !== before.creditCode) await assertCodeFree(trx, access, today, input.creditCode, id);
      const changes = diffEnterprise(before, asEnterprise(before, input, area, covering));
      // The version in the WHERE too: on PostgreSQL another edit may commit between the read and this write.
      const written = await updateEnterpriseFields(trx, id, input.version, { input, area, covering, at: now.toISOString() });
      if (!written) throw conflict('该企业信息已被他人修改，请刷新后重试');
      await ctx.audit.record(trx, ctx.actor, {
        type: 'enterprise.update',
        orgId: area.areaOrgId,
        objectType: 'enterprise',
        objectId: id,
        detail: { reason: input.reason, changes },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid('creditCode', '该统一社会信用代码已登记');
    throw e;
  }
}
