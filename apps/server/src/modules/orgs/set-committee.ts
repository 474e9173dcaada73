import { COMMITTEE_DUTY_LABELS, type CommitteeBody, ORG_RULES, termEnd } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { countVisibleAccounts } from '../accounts/account.repository.js';
import { insertCommittee, loadCommittee, supersedeCommittee } from './committee.repository.js';
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
      const found = await countVisibleAccounts(trx, ctx.access.in(trx), userIds);
      if (found !== new Set(userIds).size) throw notFound('关联的账号');
    }
    const now = ctx.clock.now().toISOString();
    const previous = await loadCommittee(trx, org.id);
    if (previous) await supersedeCommittee(trx, previous.id, now);
    const id = uuidv7();
    const end = termEnd(body.termStart, body.termYears);
    await insertCommittee(trx, {
      id,
      orgId: org.id,
      termStart: body.termStart,
      termEnd: end,
      electedOn: body.electedOn ?? null,
      createdAt: now,
      members: body.members.map((m) => ({ name: m.name, duty: m.duty, userId: m.userId ?? null })),
    });
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
