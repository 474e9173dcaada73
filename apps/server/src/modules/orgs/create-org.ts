import { type CommitteeLevel, ORG_KIND_LABELS, type OrgKind } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { notFound } from '../../platform/http/errors.js';
import { addHistory, findOrg, insertOrg } from './org.repository.js';
import { assertPlacement, assertUniqueName } from './org-rules.js';

export interface CreateOrgInput {
  parentId: string;
  name: string;
  kind: OrgKind;
  level?: CommitteeLevel | undefined;
  foundedOn?: string | undefined;
}

export async function createOrg(ctx: Ctx, input: CreateOrgInput): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, 'org_tree');
    const parent = await findOrg(trx, input.parentId);
    if (!parent) throw notFound('上级组织');
    await ctx.access.in(trx).authorize('org.manage', parent.id, '上级组织');
    const level = input.kind === 'committee' ? (input.level ?? null) : null;
    assertPlacement(parent, input.kind, level);
    await assertUniqueName(trx, parent.id, input.name);
    const now = ctx.clock.now().toISOString();
    const id = await insertOrg(trx, {
      parentId: parent.id,
      name: input.name,
      kind: input.kind,
      level,
      foundedOn: input.foundedOn ?? null,
      createdAt: now,
    });
    await addHistory(
      trx,
      id,
      now,
      'create',
      ctx.access.user!.id,
      `在「${parent.name}」下设立${ORG_KIND_LABELS[input.kind]}「${input.name}」`,
    );
    await ctx.audit.record(trx, ctx.actor, {
      type: 'org.create',
      orgId: id,
      objectType: 'org',
      objectId: id,
      detail: { after: { parentId: parent.id, name: input.name, kind: input.kind, level } },
    });
    return id;
  });
}
