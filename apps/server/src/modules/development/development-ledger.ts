import type { AuditContext } from '../../platform/audit/events.js';
import type { Trx } from '../../platform/db/connect.js';
import type { Deps } from '../../platform/deps.js';
import { conflict } from '../../platform/http/errors.js';
import { describeMember, diffMember } from '../members/member.presenter.js';
import { addMemberHistory, findActiveByIdNumber, findMember } from '../members/member.repository.js';
import type { DevelopmentRow } from './development.repository.js';
import { insertAdmittedMember, setMemberFull } from './development-ledger.repository.js';

type Actor = { id: string | null; name: string | null };

/**
 * The upper committee's approval (step 17) puts the person on the ledger as a probationary member of their
 * branch, joined on the branch meeting's date. The sealed ID number and phone move over unchanged; the member's
 * timeline starts with this entry, and the audit log has its member.create as for any new record.
 */
export async function admitToLedger(
  deps: Deps,
  ctx: AuditContext,
  trx: Trx,
  actor: Actor,
  row: DevelopmentRow,
  joinedOn: string,
  at: string,
): Promise<string> {
  if (await findActiveByIdNumber(trx, row.id_number_index)) {
    throw conflict('该身份证号已有在册党员档案，不能重复接收，请核对后终止本发展档案');
  }
  const id = await insertAdmittedMember(trx, row, joinedOn, at);
  const member = (await findMember(trx, id))!;
  await addMemberHistory(trx, {
    memberId: id,
    at,
    actor,
    action: 'development_admit',
    reason: `上级党委审批接收为预备党员（支部大会 ${joinedOn}）`,
    changes: describeMember(member),
  });
  await deps.audit.record(trx, ctx, {
    type: 'member.create',
    orgId: row.org_id,
    objectType: 'member',
    objectId: id,
    detail: {
      via: 'development',
      developmentId: row.id,
      after: { name: row.name, status: 'probationary', idNumber: row.id_number_masked },
    },
  });
  return id;
}

/** A ledger change made by the pipeline (confirmation, probation extension), on the member's timeline. */
export async function updateLedger(
  deps: Deps,
  ctx: AuditContext,
  trx: Trx,
  actor: Actor,
  row: DevelopmentRow,
  change: { action: 'development_confirm' | 'development_extend'; reason: string; set?: { status: 'full'; full_on: string } },
  at: string,
): Promise<void> {
  const before = row.member_id ? await findMember(trx, row.member_id) : undefined;
  if (!before || before.archived_at) throw conflict('该预备党员的党员档案已归档或不存在，不能继续办理');
  if (change.set) {
    await setMemberFull(trx, before, change.set, at);
  }
  const after = (await findMember(trx, before.id))!;
  await addMemberHistory(trx, {
    memberId: before.id,
    at,
    actor,
    action: change.action,
    reason: change.reason,
    changes: diffMember(before, after),
  });
  if (change.set) {
    await deps.audit.record(trx, ctx, {
      type: 'member.update',
      orgId: before.org_id,
      objectType: 'member',
      objectId: before.id,
      detail: { via: 'development', developmentId: row.id, after: { status: 'full', fullOn: change.set.full_on } },
    });
  }
}
