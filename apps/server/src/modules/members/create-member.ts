import { MEMBER_ORG_KINDS, type MemberInput } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';
import { describeMember } from './member.presenter.js';
import {
  addMemberHistory,
  assertMemberFacts,
  findMember,
  insertMember,
  memberColumns,
  sealPersonal,
} from './member.repository.js';
import { assertNoDuplicate } from './member-duplicates.js';
import { resolveEmployer } from './member-employer.js';

export async function createMember(ctx: Ctx, input: MemberInput): Promise<string> {
  const now = ctx.clock.now();
  const { phone } = assertMemberFacts(input, beijingDate(now));
  const sealed = sealPersonal(ctx.crypto, input.idNumber, phone);
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('member.manage', input.orgId, '党组织');
    await assertMemberOrg(trx, input.orgId);
    await assertNoDuplicate(trx, access, { index: sealed.id_number_index, masked: sealed.id_number_masked }, now);
    const employer = await resolveEmployer(trx, access, input, beijingDate(now));
    const id = uuidv7();
    await insertMember(trx, {
      id,
      org_id: input.orgId,
      ...memberColumns(input),
      ...sealed,
      ...employer,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      archived_at: null,
      archive_reason: null,
    });
    const row = (await findMember(trx, id))!;
    const actor = { id: access.user!.id, name: access.user!.displayName };
    await addMemberHistory(trx, { memberId: id, at: now.toISOString(), actor, action: 'create', changes: describeMember(row) });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'member.create',
      orgId: input.orgId,
      objectType: 'member',
      objectId: id,
      detail: {
        after: {
          name: input.name,
          status: input.status,
          idNumber: sealed.id_number_masked,
          employerName: employer.employer_name,
          enterpriseId: employer.enterprise_id,
        },
      },
    });
    return id;
  });
}

/** A member's org must exist, be active and be a kind that keeps members. */
export async function assertMemberOrg(trx: Trx, orgId: string) {
  const org = await findOrg(trx, orgId);
  if (!org) throw notFound('党组织');
  if (org.status !== 'active') throw invalid('orgId', `「${org.name}」已撤销，不能再编入党员`);
  if (!(MEMBER_ORG_KINDS as readonly string[]).includes(org.kind)) {
    throw invalid('orgId', '党员应编入党支部、联合党支部或党总支，不能直接编入党委或党小组');
  }
  return org;
}
