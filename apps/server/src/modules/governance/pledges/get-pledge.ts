import { type PledgeDetail, signatureState } from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { notFound } from '../../../platform/http/errors.js';
import { contactEnterpriseIds, requireBusinessUser } from '../governance-access.js';
import { presentPledge } from './pledge.presenter.js';
import { findPledge, pledgeVersions, signatureLines } from './pledge.repository.js';

export async function getPledge(ctx: Ctx, id: string): Promise<PledgeDetail> {
  requireBusinessUser(ctx.access);
  const today = beijingDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const p = await findPledge(trx, id);
    if (!p) throw notFound('倡议书');
    const versions = await pledgeVersions(trx, id);
    const lines = await signatureLines(trx, access, { pledgeId: id, orgId: p.org_id, today });
    const own = new Set(await contactEnterpriseIds(trx, access));
    const current = Number(p.current_version);
    const latest = versions[0]!;
    return {
      ...presentPledge(p, latest.published_at, lines),
      body: latest.body,
      versions: versions.map((v) => ({
        version: Number(v.version),
        body: v.body,
        note: v.note,
        publishedAt: v.published_at,
        publishedByName: v.published_by_name,
      })),
      mine: lines
        .filter((l) => own.has(l.enterprise_id))
        .map((l) => {
          const state = signatureState(current, l.signed_version);
          return {
            enterprise: { id: l.enterprise_id, name: l.enterprise_name },
            state,
            signedVersion: l.signed_version,
            signedAt: l.signed_at,
            canSign: state !== 'signed',
          };
        }),
      abilities: {
        revise: await access.can('governance.manage', p.org_id),
        viewSignatures: access.holdsAnywhere('enterprise.read'),
      },
    };
  });
}
