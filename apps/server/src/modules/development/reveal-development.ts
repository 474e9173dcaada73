import type { FastifyRequest } from 'fastify';
import { reauthenticate } from '../../platform/auth/reauthenticate.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';

/**
 * AZ-05 for a person in development, as for a ledger member: the full ID number and phone (to contact the
 * applicant, to check the political review) for a user holding `member.pii.reveal` at the file's org, after the
 * password again and a reason, audited in the transaction that reads the sealed values.
 */
export async function revealDevelopment(
  deps: Deps,
  request: FastifyRequest,
  id: string,
  input: { password: string; reason: string },
) {
  const file = await deps.db.selectFrom('development').select(['org_id']).where('id', '=', id).executeTakeFirst();
  if (!file) throw notFound('发展党员档案');
  await request.access.authorize('development.read', file.org_id, '发展党员档案');
  await request.access.authorize('member.pii.reveal', file.org_id, '发展党员档案');
  await reauthenticate(deps, request, input.password, { type: 'development.reveal', objectType: 'development', objectId: id });
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('development')
      .select(['org_id', 'id_number_enc', 'phone_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await request.access.in(trx).authorize('member.pii.reveal', row.org_id, '发展党员档案');
    await deps.audit.record(trx, request.auditContext(), {
      type: 'development.reveal',
      orgId: row.org_id,
      objectType: 'development',
      objectId: id,
      detail: { reason: input.reason, fields: row.phone_enc ? ['idNumber', 'phone'] : ['idNumber'] },
    });
    return { idNumber: deps.crypto.decrypt(row.id_number_enc), phone: row.phone_enc ? deps.crypto.decrypt(row.phone_enc) : null };
  });
}
