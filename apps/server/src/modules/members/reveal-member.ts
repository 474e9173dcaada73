import type { FastifyRequest } from 'fastify';
import { reauthenticate } from '../../platform/auth/reauthenticate.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';

/**
 * AZ-05: the full ID number and phone, for a user holding `member.pii.reveal` here, after re-entering their
 * password and giving a reason. The reveal is audited in the same transaction that reads the sealed values.
 */
export async function revealMember(deps: Deps, request: FastifyRequest, id: string, input: { password: string; reason: string }) {
  const member = await deps.db.selectFrom('member').select(['org_id']).where('id', '=', id).executeTakeFirst();
  if (!member) throw notFound('党员');
  await request.access.authorize('member.pii.reveal', member.org_id, '党员');
  await reauthenticate(deps, request, input.password, { type: 'member.reveal', objectType: 'member', objectId: id });
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('member')
      .select(['org_id', 'id_number_enc', 'phone_enc'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await request.access.in(trx).authorize('member.pii.reveal', row.org_id, '党员');
    if (!row.id_number_enc) throw notFound('身份证号');
    await deps.audit.record(trx, request.auditContext(), {
      type: 'member.reveal',
      orgId: row.org_id,
      objectType: 'member',
      objectId: id,
      detail: { reason: input.reason, fields: row.phone_enc ? ['idNumber', 'phone'] : ['idNumber'] },
    });
    return {
      idNumber: deps.crypto.decrypt(row.id_number_enc),
      phone: row.phone_enc ? deps.crypto.decrypt(row.phone_enc) : null,
    };
  });
}
