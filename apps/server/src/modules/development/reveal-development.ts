import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { reauthenticate } from '../auth/reauthenticate.js';
import { findSealedContact } from './development.repository.js';

/**
 * AZ-05 for a person in development, as for a ledger member: the full ID number and phone (to contact the
 * applicant, to check the political review) for a user holding `member.pii.reveal` at the file's org, after the
 * password again and a reason, audited in the transaction that reads the sealed values.
 */
export async function revealDevelopment(ctx: Ctx, id: string, input: { password: string; reason: string }) {
  const file = await findSealedContact(ctx.db, id);
  if (!file) throw notFound('发展党员档案');
  await ctx.access.authorize('development.read', file.orgId, '发展党员档案');
  await ctx.access.authorize('member.pii.reveal', file.orgId, '发展党员档案');
  await reauthenticate(ctx, input.password, { type: 'development.reveal', objectType: 'development', objectId: id });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findSealedContact(trx, id);
    if (!row) throw notFound('发展党员档案');
    await ctx.access.in(trx).authorize('member.pii.reveal', row.orgId, '发展党员档案');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.reveal',
      orgId: row.orgId,
      objectType: 'development',
      objectId: id,
      detail: { reason: input.reason, fields: row.phoneEnc ? ['idNumber', 'phone'] : ['idNumber'] },
    });
    return { idNumber: ctx.crypto.decrypt(row.idNumberEnc), phone: row.phoneEnc ? ctx.crypto.decrypt(row.phoneEnc) : null };
  });
}
