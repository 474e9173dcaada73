import { ARCHIVE_REASON_LABELS, type ArchiveReason } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { Trx } from '../../platform/db/connect.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { addMemberHistory, findMember } from './member.repository.js';

export interface ArchiveInput {
  reason: ArchiveReason;
  on: string;
  note?: string | undefined;
}

/** Takes a member off the active rolls (left, deceased, transferred away); the record and its history stay. */
export async function archiveMember(deps: Deps, request: FastifyRequest, id: string, input: ArchiveInput): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const access = request.access.in(trx);
    const member = await findMember(trx, id);
    if (!member) throw notFound('党员');
    await access.authorize('member.manage', member.org_id, '党员');
    await archiveMemberIn(trx, deps, { id, orgId: member.org_id, archived: member.archived_at !== null }, input, {
      id: access.user!.id,
      name: access.user!.displayName,
    });
    await deps.audit.record(trx, request.auditContext(), {
      type: 'member.archive',
      orgId: member.org_id,
      objectType: 'member',
      objectId: id,
      detail: { reason: input.reason, on: input.on, note: input.note ?? null },
    });
  });
}

/** The archive step itself, shared with a transfer out of the city (which audits its own event). */
export async function archiveMemberIn(
  trx: Trx,
  deps: Deps,
  member: { id: string; orgId: string; archived: boolean },
  input: ArchiveInput,
  actor: { id: string | null; name: string | null },
): Promise<void> {
  if (member.archived) throw conflict('该党员档案已归档');
  const now = deps.clock.now().toISOString();
  await trx
    .updateTable('member')
    .set((eb) => ({ archived_at: now, archive_reason: input.reason, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', member.id)
    .execute();
  const label = ARCHIVE_REASON_LABELS[input.reason];
  await addMemberHistory(trx, {
    memberId: member.id,
    at: now,
    actor,
    action: 'archive',
    reason: input.note ? `${label}（${input.on}）：${input.note}` : `${label}（${input.on}）`,
  });
}
