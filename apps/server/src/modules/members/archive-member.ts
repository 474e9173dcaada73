import { ARCHIVE_REASON_LABELS, type ArchiveReason } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import type { AuditContext } from '../../platform/audit/events.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { disableAccountsOfMember } from '../accounts/account.repository.js';
import { assertNoPending } from '../transfers/transfer.repository.js';
import { addMemberHistory, archiveMemberRow, findMember } from './member.repository.js';

export interface ArchiveInput {
  reason: ArchiveReason;
  on: string;
  note?: string | undefined;
}

/** Takes a member off the active rolls (left, deceased, transferred away); the record and its history stay. */
export async function archiveMember(ctx: Ctx, id: string, input: ArchiveInput): Promise<void> {
  if (input.on > beijingDate(ctx.clock.now())) throw invalid('on', '日期不能晚于今天');
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const member = await findMember(trx, id);
    if (!member) throw notFound('党员');
    await access.authorize('member.manage', member.org_id, '党员');
    // A pending transfer would be left with no member to move: finish or cancel it first.
    await assertNoPending(trx, { memberId: id });
    await archiveMemberIn(trx, ctx, ctx.actor, { id, orgId: member.org_id }, input, {
      id: access.user!.id,
      name: access.user!.displayName,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'member.archive',
      orgId: member.org_id,
      objectType: 'member',
      objectId: id,
      detail: { reason: input.reason, on: input.on, note: input.note ?? null },
    });
  });
}

/**
 * The archive step itself, shared with a transfer out of the city (which audits its own event). The member's
 * own account, if any, is disabled and signed out in the same transaction (AUTH-11): they have left the rolls.
 */
export async function archiveMemberIn(
  trx: Trx,
  deps: Deps,
  ctx: AuditContext,
  member: { id: string; orgId: string },
  input: ArchiveInput,
  actor: { id: string | null; name: string | null },
): Promise<void> {
  const now = deps.clock.now().toISOString();
  // "Still active" in the WHERE: two archives racing on PostgreSQL cannot both write.
  if (!(await archiveMemberRow(trx, member.id, now, input.reason))) throw conflict('该党员档案已归档');
  const label = ARCHIVE_REASON_LABELS[input.reason];
  await addMemberHistory(trx, {
    memberId: member.id,
    at: now,
    actor,
    action: 'archive',
    reason: input.note ? `${label}（${input.on}）：${input.note}` : `${label}（${input.on}）`,
  });
  const accounts = await disableAccountsOfMember(trx, member.id, now);
  for (const account of accounts) {
    await endSessions(trx, account.id);
    await deps.audit.record(trx, ctx, {
      type: 'account.disable',
      orgId: member.orgId,
      objectType: 'user',
      objectId: account.id,
      detail: { reason: `党员档案归档（${label}）` },
    });
  }
}
