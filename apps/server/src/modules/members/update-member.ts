import type { UpdateMemberBody } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { diffMember } from './member.presenter.js';
import {
  addMemberHistory,
  assertMemberFacts,
  findMember,
  memberColumns,
  sealPersonal,
  storedIdNumber,
  updateMemberAtVersion,
} from './member.repository.js';
import { assertNoDuplicate } from './member-duplicates.js';
import { resolveEmployer } from './member-employer.js';

type UpdateInput = Omit<UpdateMemberBody, 'phone' | 'remarks' | 'employerName' | 'enterpriseId' | 'position' | 'fullOn'> & {
  phone?: string | null | undefined;
  remarks: string | null;
  employerName: string | null;
  enterpriseId: string | null;
  position: string | null;
  fullOn: string | null;
};

/** An edit with its reason: checked as a whole, stored as a new version, the differences in the timeline. */
export async function updateMember(ctx: Ctx, id: string, input: UpdateInput): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const before = await findMember(trx, id);
    if (!before) throw notFound('党员');
    await access.authorize('member.manage', before.org_id, '党员');
    if (before.archived_at) throw conflict('该党员档案已归档，不能修改');
    if (before.version !== input.version) throw conflict('该档案已被他人修改，请刷新后重试');
    const idNumber = input.idNumber ?? storedIdNumber(ctx.crypto, before) ?? '';
    const storedPhone = before.phone_enc ? ctx.crypto.decrypt(before.phone_enc) : null;
    const phoneInput = input.phone === undefined ? storedPhone : input.phone || null;
    const { phone } = assertMemberFacts({ ...input, orgId: before.org_id, idNumber, phone: phoneInput }, beijingDate(now));
    const sealed = sealPersonal(ctx.crypto, idNumber, phone);
    if (sealed.id_number_index !== before.id_number_index)
      await assertNoDuplicate(trx, access, { index: sealed.id_number_index, masked: sealed.id_number_masked }, now, id);
    const personal =
      input.idNumber === undefined && input.phone === undefined
        ? {}
        : {
            ...(sealed.id_number_index === before.id_number_index ? {} : pick(sealed, 'id_number')),
            ...(sealed.phone_index === before.phone_index ? {} : pick(sealed, 'phone')),
          };
    const employer = await resolveEmployer(trx, access, input, beijingDate(now), {
      enterprise_id: before.enterprise_id,
      employer_name: before.employer_name,
    });
    // The version in the WHERE too: on PostgreSQL another edit may commit between the read and this write.
    const updated = await updateMemberAtVersion(trx, id, input.version, {
      ...memberColumns(input),
      ...employer,
      ...personal,
      updated_at: now.toISOString(),
    });
    if (!updated) throw conflict('该档案已被他人修改，请刷新后重试');
    const after = (await findMember(trx, id))!;
    const changes = diffMember(before, after);
    const actor = { id: access.user!.id, name: access.user!.displayName };
    await addMemberHistory(trx, { memberId: id, at: now.toISOString(), actor, action: 'update', reason: input.reason, changes });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'member.update',
      orgId: before.org_id,
      objectType: 'member',
      objectId: id,
      detail: { reason: input.reason, changes },
    });
  });
}

function pick(sealed: ReturnType<typeof sealPersonal>, field: 'id_number' | 'phone') {
  return field === 'id_number'
    ? { id_number_enc: sealed.id_number_enc, id_number_index: sealed.id_number_index, id_number_masked: sealed.id_number_masked }
    : { phone_enc: sealed.phone_enc, phone_index: sealed.phone_index, phone_masked: sealed.phone_masked };
}
