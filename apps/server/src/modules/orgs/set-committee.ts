import { COMMITTEE_DUTY_LABELS, type CommitteeBody, ORG_RULES, termEnd } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { visibleAccounts } from '../accounts/account.repository.js';
import { loadCommittee } from './committee.repository.js';
import { addHistory, findOrg } from './org.repository.js';
import { assertActive } from './org-rules.js';

const COMMITTEE_KINDS = new Set(['branch', 'joint_branch', 'general_branch', 'committee']);

/** Records a (new) branch committee; the previous one is kept, marked superseded, so terms stay traceable. */
export async function setCommittee(ctx: Ctx, orgId: string, body: CommitteeBody): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, 'org_tree');
    const org = await findOrg(trx, orgId);
    if (!org) throw notFound('组织');
    await ctx.access.in(trx).authorize('committee.manage', org.id);
    assertActive(org);
    if (!COMMITTEE_KINDS.has(org.kind)) throw invalid('members', '党小组不设委员会，请在所属支部设置');
    if (body.members.length > ORG_RULES.committeeMaxSize) {
      throw invalid('members', `支部委员会成员最多${ORG_RULES.committeeMaxSize}人（含书记）`);
    }
    if (body.electedOn && body.electedOn > body.termStart) throw invalid('electedOn', '选举日期不能晚于任期开始日期');
    const userIds = body.members.map((m) => m.userId).filter((u): u is string => !!u);
    if (userIds.length) {
      // AZ-04: linked accounts must be ones the actor may see; missing and invisible answer alike.
      const found = await visibleAccounts(trx, ctx.access.in(trx))
        .select('app_user.id')
        .where('app_user.id', 'in', userIds)
        .execute();
      if (found.length !== new Set(userIds).size) throw notFound('关联的账号');
    }
    const now = ctx.clock.now().toISOString();
    const previous = await loadCommittee(trx, org.id);
    if (previous) await trx.updateTable('org_committee').set({ superseded_at: now }).where('id', '=', previous.id).execute();
    const id = uuidv7();
    const end = termEnd(body.termStart, body.termYears);
    await trx
      .insertInto('org_committee')
      .values({
        id,
        org_id: org.id,
        term_start: body.termStart,
        term_end: end,
        elected_on: body.electedOn ?? null,
        created_at: now,
        superseded_at: null,
      })
      .execute();
    await trx
      .insertInto('committee_member')
      .values(
        body.members.map((m, position) => ({
          id: uuidv7(),
          committee_id: id,
          name: m.name,
          duty: m.duty,
          user_id: m.userId ?? null,
          position,
        })),
      )
      .execute();
    const secretary = body.members.find((m) => m.duty === 'secretary')!;
    const summary = `${previous ? '换届' : '设立委员会'}：任期 ${body.termStart} 至 ${end}，${COMMITTEE_DUTY_LABELS.secretary}${secretary.name}，共${body.members.length}人`;
    await addHistory(trx, org.id, now, 'committee', ctx.access.user!.id, summary);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'org.committee_set',
      orgId: org.id,
      objectType: 'org_committee',
      objectId: id,
      detail: { before: previous, after: { termStart: body.termStart, termEnd: end, members: body.members } },
    });
  });
}
