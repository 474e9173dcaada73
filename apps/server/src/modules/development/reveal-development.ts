import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { reauthenticate } from '../auth/reauthenticate.js';

/**
 * AZ-05 for a person in development, as for a ledger member: the full ID number and phone (to contact the
 * applicant, to check the political review) for a user holding `member.pii.reveal` at the file's org, after the
 * password again and a reason, audited in the transaction that reads the sealed values.
 */
export async function revealDevelopment(ctx: Ctx, id: string, input: { password: string; reason: string }) {
  const file = await ctx.db.selectFrom('development').select(['org_id']).where('id', '=', id).executeTakeFirst();
  if (!file) throw notFound('发展党员档案');
  await ctx.access.authorize('development.read', file.org_id, '发展党员档案');
  await ctx.access.authorize('member.pii.reveal', file.org_id, '发展党员档案');
  await reauthenticate(ctx, input.password, { type: 'development.reveal', objectType: 'development', objectId: id });
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('development')
      .select(['org_id', 'id_number_enc', 'phone_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await ctx.access.in(trx).authorize('member.pii.reveal', row.org_id, '发展党员档案');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.reveal',
      orgId: row.org_id,
      objectType: 'development',
      objectId: id,
      detail: { reason: input.reason, fields: row.phone_enc ? ['idNumber', 'phone'] : ['idNumber'] },
    });
    return { idNumber: ctx.crypto.decrypt(row.id_number_enc), phone: row.phone_enc ? ctx.crypto.decrypt(row.phone_enc) : null };
  });
}
