import { type PledgeSignaturesResponse, type pledgeSignaturesQuery, signatureState } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { notFound } from '../../../platform/http/errors.js';
import { findPledge, signatureLines } from './pledge.repository.js';

/**
 * Who signed which version and who has not, over the enterprises the caller reads (enterprise.read: committee
 * admins and covering secretaries, by the one enterprise rule), with the signed list per district.
 */
export async function listPledgeSignatures(
  ctx: Ctx,
  id: string,
  query: z.output<typeof pledgeSignaturesQuery>,
): Promise<PledgeSignaturesResponse> {
  ctx.access.requireAnywhere('enterprise.read');
  const today = beijingDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const p = await findPledge(trx, id);
    if (!p) throw notFound('倡议书');
    const current = Number(p.current_version);
    const all = await signatureLines(trx, access, { pledgeId: id, orgId: p.org_id, today });
    const districts = new Map<string, PledgeSignaturesResponse['byDistrict'][number]>();
    for (const l of all) {
      const key = l.district_id ?? '';
      const d = districts.get(key) ?? {
        district: l.district_id ? { id: l.district_id, name: l.district_name ?? '' } : null,
        signed: 0,
        outdated: 0,
        unsigned: 0,
      };
      d[signatureState(current, l.signed_version)] += 1;
      districts.set(key, d);
    }
    const filtered = all.filter(
      (l) =>
        (query.state === undefined || signatureState(current, l.signed_version) === query.state) &&
        (query.districtId === undefined || l.district_id === query.districtId),
    );
    const start = (query.page - 1) * query.pageSize;
    return {
      items: filtered.slice(start, start + query.pageSize).map((l) => ({
        enterprise: { id: l.enterprise_id, name: l.enterprise_name },
        district: l.district_id ? { id: l.district_id, name: l.district_name ?? '' } : null,
        state: signatureState(current, l.signed_version),
        signedVersion: l.signed_version,
        signedAt: l.signed_at,
        signedByName: l.signed_by_name,
      })),
      total: filtered.length,
      page: query.page,
      pageSize: query.pageSize,
      byDistrict: [...districts.values()].sort((a, b) => (a.district?.name ?? '').localeCompare(b.district?.name ?? '', 'zh')),
    };
  });
}
