import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { reauthenticate } from '../auth/reauthenticate.js';
import { findMemberOrgId, findSealedPersonal } from './member.repository.js';

/**
 * AZ-05: the full ID number and phone, for a user holding `member.pii.reveal` here, after re-entering their
 * password and giving a reason. The reveal is audited in the same transaction that reads the sealed values.
 */
export async function revealMember(ctx: Ctx, id: string, input: { password: string; reason: string }) {
  const orgId = await findMemberOrgId(ctx.db, id);
  if (!orgId) throw notFound('党员');
  await ctx.access.authorize('member.pii.reveal', orgId, '党员');
  await reauthenticate(ctx, input.password, { type: 'member.reveal', objectType: 'member', objectId: id });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findSealedPersonal(trx, id);
    await ctx.access.in(trx).authorize('member.pii.reveal', row.org_id, '党员');
    if (!row.id_number_enc) throw notFound('身份证号');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'member.reveal',
      orgId: row.org_id,
      objectType: 'member',
      objectId: id,
      detail: { reason: input.reason, fields: row.phone_enc ? ['idNumber', 'phone'] : ['idNumber'] },
    });
    return {
      idNumber: ctx.crypto.decrypt(row.id_number_enc),
      phone: row.phone_enc ? ctx.crypto.decrypt(row.phone_enc) : null,
    };
  });
}
