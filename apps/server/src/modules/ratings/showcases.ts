import type { CreateShowcaseBody, ShowcaseItem, showcaseListQuery, showcaseProgressBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { actorOf, RATED_KINDS, starsOf } from './rating.repository.js';

type Target = { text: string; done: boolean };

/** GET /api/ratings/showcases?orgId= — showcase sites (示范点) and incubated branches (孵化) of a subtree, with progress. */
export async function listShowcases(ctx: Ctx, q: z.output<typeof showcaseListQuery>) {
  const access = ctx.access;
  await access.authorize('rating.read', q.orgId, '党组织');
  let base = ctx.db
    .selectFrom('showcase')
    .innerJoin('org', 'org.id', 'showcase.org_id')
    .innerJoin('org_closure as c', 'c.descendant_id', 'showcase.org_id')
    .leftJoin('org as m', 'm.id', 'showcase.mentor_org_id')
    .selectAll('showcase')
    .select(['org.name as org_name', 'm.name as mentor_org_name'])
    .where('c.ancestor_id', '=', q.orgId)
    .where(access.scope('rating.read', 'showcase.org_id'));
  if (q.kind) base = base.where('showcase.kind', '=', q.kind);
  if (q.status) base = base.where('showcase.status', '=', q.status);
  const rows = await base.orderBy('showcase.kind').orderBy('org.name_pinyin').limit(500).execute();
  const ids = rows.map((r) => r.id);
  const progress = ids.length
    ? await ctx.db
        .selectFrom('showcase_progress')
        .selectAll()
        .where('showcase_id', 'in', ids)
        .orderBy('recorded_at', 'desc')
        .execute()
    : [];
  const today = beijingDate(ctx.clock.now());
  const stars = new Map<string, number>();
  for (const s of await starsOf(
    ctx.db,
    rows.map((r) => r.org_id),
  ))
    if (s.valid_from <= today && today <= s.valid_until && !stars.has(s.org_id)) stars.set(s.org_id, Number(s.stars));
  const items: ShowcaseItem[] = [];
  for (const r of rows) {
    items.push({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      kind: r.kind,
      title: r.title,
      mentorName: r.mentor_name,
      mentorOrgName: r.mentor_org_name,
      targetStars: r.target_stars === null ? null : Number(r.target_stars),
      currentStars: stars.get(r.org_id) ?? null,
      targets: JSON.parse(r.targets) as Target[],
      startedOn: r.started_on,
      dueOn: r.due_on,
      status: r.status,
      percent: Number(r.percent),
      progress: progress
        .filter((p) => p.showcase_id === r.id)
        .map((p) => ({
          note: p.note,
          percent: Number(p.percent),
          recordedAt: p.recorded_at,
          recordedByName: p.recorded_by_name,
        })),
      abilities: { update: r.status === 'active' && (await access.can('showcase.manage', r.org_id)) },
    });
  }
  return { items, abilities: { create: await access.can('showcase.manage', q.orgId) } };
}

/** POST /api/ratings/showcases — a committee names a branch a showcase site or takes it into incubation, with targets and a mentor. */
export async function createShowcase(ctx: Ctx, body: CreateShowcaseBody) {
  if (body.dueOn < body.startedOn) throw invalid('dueOn', '目标日期不能早于开始日期');
  const now = ctx.clock.now();
  const id = uuidv7();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('showcase.manage', body.orgId, '党组织');
    const org = await trx.selectFrom('org').select(['kind', 'status']).where('id', '=', body.orgId).executeTakeFirstOrThrow();
    if (!(RATED_KINDS as readonly string[]).includes(org.kind) || org.status !== 'active')
      throw invalid('orgId', '示范点和孵化对象以党支部为单位，请选择党支部');
    if (body.mentorOrgId) await access.authorize('org.read', body.mentorOrgId, '结对指导组织');
    const running = await trx
      .selectFrom('showcase')
      .select('id')
      .where('org_id', '=', body.orgId)
      .where('kind', '=', body.kind)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (running) throw conflict(body.kind === 'showcase' ? '该支部已是培育中的示范点' : '该支部已在孵化培育中');
    await trx
      .insertInto('showcase')
      .values({
        id,
        org_id: body.orgId,
        kind: body.kind,
        title: body.title,
        mentor_name: body.mentorName,
        mentor_org_id: body.mentorOrgId ?? null,
        target_stars: body.targetStars ?? null,
        targets: JSON.stringify(body.targets.map((text) => ({ text, done: false }))),
        started_on: body.startedOn,
        due_on: body.dueOn,
        status: 'active',
        percent: 0,
        created_at: now.toISOString(),
        created_by_name: actorOf(access).name,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'showcase.create',
      orgId: body.orgId,
      objectType: 'showcase',
      objectId: id,
      detail: { kind: body.kind, title: body.title, targets: body.targets.length },
    });
  });
  return { id };
}

/** POST /api/ratings/showcases/:id/progress — records progress: a note, the completion, targets met, and possibly the end. */
export async function recordShowcaseProgress(ctx: Ctx, id: string, body: z.output<typeof showcaseProgressBody>) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await trx.selectFrom('showcase').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('示范点/孵化记录');
    await access.authorize('showcase.manage', row.org_id, '示范点/孵化记录');
    if (row.status !== 'active') throw conflict('该记录已结束，不能再登记进展');
    const targets = JSON.parse(row.targets) as Target[];
    for (const i of body.targetsDone) if (i >= targets.length) throw invalid('targetsDone', '所选目标不存在');
    const next = targets.map((t, i) => ({ ...t, done: t.done || body.targetsDone.includes(i) }));
    const actor = actorOf(access);
    await trx
      .insertInto('showcase_progress')
      .values({
        id: uuidv7(),
        showcase_id: id,
        note: body.note,
        percent: body.percent,
        recorded_at: now.toISOString(),
        recorded_by: actor.id,
        recorded_by_name: actor.name,
      })
      .execute();
    await trx
      .updateTable('showcase')
      .set({ percent: body.percent, targets: JSON.stringify(next), status: body.status ?? 'active' })
      .where('id', '=', id)
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'showcase.progress',
      orgId: row.org_id,
      objectType: 'showcase',
      objectId: id,
      detail: { percent: body.percent, status: body.status ?? 'active' },
    });
  });
  return { ok: true as const };
}
