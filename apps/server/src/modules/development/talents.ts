import { type cultivationBody, type setMentorBody, TALENT_FLAGS, type TalentFlag } from '@tongxin/contracts';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import { invalid, notFound } from '../../platform/http/errors.js';

type Subject = z.output<typeof setMentorBody>['subject'];
const LIMIT = 200;
const flagsOf = (r: { talent_industry_leader: number; talent_founder: number; talent_key_dept_head: number }): TalentFlag[] =>
  TALENT_FLAGS.filter((f) =>
    f === 'industryLeader'
      ? r.talent_industry_leader === 1
      : f === 'founder'
        ? r.talent_founder === 1
        : r.talent_key_dept_head === 1,
  );
const flagged = (table: 'member' | 'development') =>
  `(${table}.talent_industry_leader = 1 or ${table}.talent_founder = 1 or ${table}.talent_key_dept_head = 1)`;

/**
 * The key-talent list (列出名单、重点培养) under an org: ledger members flagged as industry leaders, founders or
 * heads of key departments, and people in development flagged the same way, each with their mentor and
 * cultivation record.
 */
export async function listTalents(ctx: Ctx, orgId: string) {
  const access = ctx.access;
  await access.authorize('development.read', orgId, '党组织');
  const under = (column: string) =>
    sql<boolean>`exists (select 1 from org_closure where ancestor_id = ${orgId} and descendant_id = ${sql.ref(column)})`;
  const members = await ctx.db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select([
      'member.id',
      'member.name',
      'member.org_id',
      'org.name as org_name',
      'member.talent_industry_leader',
      'member.talent_founder',
      'member.talent_key_dept_head',
      'member.status',
    ])
    .where('member.archived_at', 'is', null)
    .where(sql<boolean>`${sql.raw(flagged('member'))}`)
    // Ledger members are listed to those who read both the ledger and development there.
    .where(access.scope('member.read', 'member.org_id'))
    .where(access.scope('development.read', 'member.org_id'))
    .where(under('member.org_id'))
    .orderBy('member.name')
    .limit(LIMIT + 1)
    .execute();
  const files = await ctx.db
    .selectFrom('development')
    .innerJoin('org', 'org.id', 'development.org_id')
    .select([
      'development.id',
      'development.name',
      'development.org_id',
      'org.name as org_name',
      'development.talent_industry_leader',
      'development.talent_founder',
      'development.talent_key_dept_head',
      'development.stage',
    ])
    .where('development.status', '=', 'active')
    .where('development.member_id', 'is', null)
    .where(sql<boolean>`${sql.raw(flagged('development'))}`)
    .where(access.scope('development.read', 'development.org_id'))
    .where(under('development.org_id'))
    .orderBy('development.name')
    .limit(LIMIT + 1)
    .execute();
  const talents = await ctx.db
    .selectFrom('key_talent')
    .leftJoin('member as mentor', 'mentor.id', 'key_talent.mentor_member_id')
    .select(['key_talent.id', 'key_talent.member_id', 'key_talent.development_id', 'mentor.name as mentor_name'])
    .where((eb) =>
      eb.or([
        eb('key_talent.member_id', 'in', members.length ? members.map((m) => m.id) : ['']),
        eb('key_talent.development_id', 'in', files.length ? files.map((f) => f.id) : ['']),
      ]),
    )
    .execute();
  const records = talents.length
    ? await ctx.db
        .selectFrom('key_talent_record')
        .selectAll()
        .where(
          'key_talent_id',
          'in',
          talents.map((t) => t.id),
        )
        .orderBy('on_date', 'desc')
        .execute()
    : [];
  const extra = (t: (typeof talents)[number] | undefined) => ({
    mentorName: t?.mentor_name ?? null,
    records: records
      .filter((r) => r.key_talent_id === t?.id)
      .map((r) => ({ on: r.on_date, content: r.content, actorName: r.actor_name })),
  });
  const items = [
    ...files.slice(0, LIMIT).map((f) => ({
      subject: { developmentId: f.id },
      name: f.name,
      orgId: f.org_id,
      orgName: f.org_name,
      source: 'development' as const,
      talents: flagsOf(f),
      stage: f.stage,
      ...extra(talents.find((t) => t.development_id === f.id)),
    })),
    ...members.slice(0, LIMIT).map((m) => ({
      subject: { memberId: m.id },
      name: m.name,
      orgId: m.org_id,
      orgName: m.org_name,
      source: 'member' as const,
      talents: flagsOf(m),
      stage: m.status,
      ...extra(talents.find((t) => t.member_id === m.id)),
    })),
  ];
  return { items, truncated: members.length > LIMIT || files.length > LIMIT };
}

/** The key talent's row, created on first use; the subject must be flagged and managed by the user. */
async function talentOf(trx: Trx, access: Access, subject: Subject, at: string) {
  const isMember = 'memberId' in subject;
  const row = isMember
    ? await trx
        .selectFrom('member')
        .select(['id', 'org_id', 'talent_industry_leader', 'talent_founder', 'talent_key_dept_head'])
        .where('id', '=', subject.memberId)
        .where('archived_at', 'is', null)
        .executeTakeFirst()
    : await trx
        .selectFrom('development')
        .select(['id', 'org_id', 'talent_industry_leader', 'talent_founder', 'talent_key_dept_head'])
        .where('id', '=', subject.developmentId)
        .executeTakeFirst();
  if (!row) throw notFound(isMember ? '党员' : '发展党员档案');
  await access.authorize('development.manage', row.org_id, isMember ? '党员' : '发展党员档案');
  if (flagsOf(row).length === 0) throw invalid('subject', '该人员未标记为重点人才（行业领军人才、创业者或关键部门负责人）');
  const column = isMember ? 'member_id' : 'development_id';
  const existing = await trx.selectFrom('key_talent').selectAll().where(column, '=', row.id).executeTakeFirst();
  if (existing) return existing;
  const created = {
    id: uuidv7(),
    org_id: row.org_id,
    member_id: isMember ? row.id : null,
    development_id: isMember ? null : row.id,
    mentor_member_id: null,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('key_talent').values(created).execute();
  return created;
}

export async function setTalentMentor(ctx: Ctx, body: z.output<typeof setMentorBody>) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const talent = await talentOf(trx, access, body.subject, at);
    const mentor = await trx
      .selectFrom('member')
      .select(['id', 'name', 'org_id'])
      .where('id', '=', body.mentorMemberId)
      .where('status', '=', 'full')
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!mentor || !(await access.can('member.read', mentor.org_id)))
      throw invalid('mentorMemberId', '培养联系人须是您管理范围内在册的正式党员');
    if (mentor.id === talent.member_id) throw invalid('mentorMemberId', '培养联系人不能是本人');
    await trx
      .updateTable('key_talent')
      .set({ mentor_member_id: mentor.id, updated_at: at })
      .where('id', '=', talent.id)
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.talent',
      orgId: talent.org_id,
      objectType: 'key_talent',
      objectId: talent.id,
      detail: { mentor: { id: mentor.id, name: mentor.name } },
    });
  });
}

export async function addCultivation(ctx: Ctx, body: z.output<typeof cultivationBody>) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (body.on > beijingDate(now)) throw invalid('on', '培养日期不能晚于今天');
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const talent = await talentOf(trx, access, body.subject, at);
    await trx
      .insertInto('key_talent_record')
      .values({
        id: uuidv7(),
        key_talent_id: talent.id,
        on_date: body.on,
        content: body.content,
        actor_id: access.user!.id,
        actor_name: access.user!.displayName,
        recorded_at: at,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.talent',
      orgId: talent.org_id,
      objectType: 'key_talent',
      objectId: talent.id,
      detail: { record: { on: body.on } },
    });
  });
}
