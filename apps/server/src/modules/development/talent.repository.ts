import { TALENT_FLAGS, type TalentFlag } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';

type FlagColumns = { talent_industry_leader: number; talent_founder: number; talent_key_dept_head: number };

/** The key-talent flags set on a member or a development file (stored as three 0/1 columns). */
export const flagsOf = (r: FlagColumns): TalentFlag[] =>
  TALENT_FLAGS.filter((f) =>
    f === 'industryLeader'
      ? r.talent_industry_leader === 1
      : f === 'founder'
        ? r.talent_founder === 1
        : r.talent_key_dept_head === 1,
  );

/** Any of the three flags set on a member. */
const memberFlagged = (eb: ExpressionBuilder<DB, 'member'>): Expression<SqlBool> =>
  eb.or([
    eb('member.talent_industry_leader', '=', 1),
    eb('member.talent_founder', '=', 1),
    eb('member.talent_key_dept_head', '=', 1),
  ]);

/** Any of the three flags set on a development file. */
const fileFlagged = (eb: ExpressionBuilder<DB, 'development'>): Expression<SqlBool> =>
  eb.or([
    eb('development.talent_industry_leader', '=', 1),
    eb('development.talent_founder', '=', 1),
    eb('development.talent_key_dept_head', '=', 1),
  ]);

export interface FlaggedPerson {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
  talents: TalentFlag[];
  /** A member's status, or a file's stage. */
  stage: string;
}

/** Flagged ledger members in an org's subtree within the given scopes (over `member.org_id`), by name. */
export async function flaggedMembersUnder(
  db: Db | Trx,
  orgId: string,
  scopes: Expression<SqlBool>[],
  limit: number,
): Promise<FlaggedPerson[]> {
  let q = db
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
    .where(memberFlagged);
  // Ledger members are listed to those who read both the ledger and development there.
  for (const scope of scopes) q = q.where(scope);
  const rows = await q
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.depth')
          .where('org_closure.ancestor_id', '=', orgId)
          .whereRef('org_closure.descendant_id', '=', 'member.org_id'),
      ),
    )
    .orderBy('member.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    talents: flagsOf(r),
    stage: r.status,
  }));
}

/** Flagged people still in development (no ledger record yet) in an org's subtree within the scope, by name. */
export async function flaggedFilesUnder(
  db: Db | Trx,
  orgId: string,
  scope: Expression<SqlBool>,
  limit: number,
): Promise<FlaggedPerson[]> {
  const rows = await db
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
    .where(fileFlagged)
    .where(scope)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.depth')
          .where('org_closure.ancestor_id', '=', orgId)
          .whereRef('org_closure.descendant_id', '=', 'development.org_id'),
      ),
    )
    .orderBy('development.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, talents: flagsOf(r), stage: r.stage }));
}

export interface KeyTalent {
  id: string;
  orgId: string;
  memberId: string | null;
  developmentId: string | null;
}

export interface KeyTalentWithMentor extends KeyTalent {
  mentorName: string | null;
}

/** The key-talent rows of these members and files, with their mentor's name. */
export async function talentsOf(
  db: Db | Trx,
  memberIds: readonly string[],
  developmentIds: readonly string[],
): Promise<KeyTalentWithMentor[]> {
  if (memberIds.length === 0 && developmentIds.length === 0) return [];
  const rows = await db
    .selectFrom('key_talent')
    .leftJoin('member as mentor', 'mentor.id', 'key_talent.mentor_member_id')
    .select([
      'key_talent.id',
      'key_talent.org_id',
      'key_talent.member_id',
      'key_talent.development_id',
      'mentor.name as mentor_name',
    ])
    .where((eb) => {
      const any: Expression<SqlBool>[] = [];
      if (memberIds.length) any.push(eb('key_talent.member_id', 'in', memberIds));
      if (developmentIds.length) any.push(eb('key_talent.development_id', 'in', developmentIds));
      return eb.or(any);
    })
    .execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    memberId: r.member_id,
    developmentId: r.development_id,
    mentorName: r.mentor_name,
  }));
}

export interface CultivationRecord {
  talentId: string;
  on: string;
  content: string;
  actorName: string | null;
}

/** The cultivation records of these key talents, newest first. */
export async function cultivationRecords(db: Db | Trx, talentIds: readonly string[]): Promise<CultivationRecord[]> {
  if (talentIds.length === 0) return [];
  const rows = await db
    .selectFrom('key_talent_record')
    .selectAll()
    .where('key_talent_id', 'in', talentIds)
    .orderBy('on_date', 'desc')
    .execute();
  return rows.map((r) => ({ talentId: r.key_talent_id, on: r.on_date, content: r.content, actorName: r.actor_name }));
}

/** The person a key talent is about: an active ledger member or a development file, with its flags. */
export async function findTalentSubject(
  trx: Trx,
  subject: { memberId: string } | { developmentId: string },
): Promise<{ id: string; orgId: string; talents: TalentFlag[] } | undefined> {
  const columns = ['id', 'org_id', 'talent_industry_leader', 'talent_founder', 'talent_key_dept_head'] as const;
  const row =
    'memberId' in subject
      ? await trx
          .selectFrom('member')
          .select(columns)
          .where('id', '=', subject.memberId)
          .where('archived_at', 'is', null)
          .executeTakeFirst()
      : await trx.selectFrom('development').select(columns).where('id', '=', subject.developmentId).executeTakeFirst();
  return row && { id: row.id, orgId: row.org_id, talents: flagsOf(row) };
}

/** The key talent of a member or a file, if one was made. */
export async function findKeyTalent(
  trx: Trx,
  of: { memberId: string } | { developmentId: string },
): Promise<KeyTalent | undefined> {
  const row =
    'memberId' in of
      ? await trx.selectFrom('key_talent').selectAll().where('member_id', '=', of.memberId).executeTakeFirst()
      : await trx.selectFrom('key_talent').selectAll().where('development_id', '=', of.developmentId).executeTakeFirst();
  return row && { id: row.id, orgId: row.org_id, memberId: row.member_id, developmentId: row.development_id };
}

export async function insertKeyTalent(
  trx: Trx,
  t: { orgId: string; memberId: string | null; developmentId: string | null; mentorMemberId?: string | null; at: string },
): Promise<KeyTalent> {
  const id = uuidv7();
  await trx
    .insertInto('key_talent')
    .values({
      id,
      org_id: t.orgId,
      member_id: t.memberId,
      development_id: t.developmentId,
      mentor_member_id: t.mentorMemberId ?? null,
      created_at: t.at,
      updated_at: t.at,
    })
    .execute();
  return { id, orgId: t.orgId, memberId: t.memberId, developmentId: t.developmentId };
}

/** A full, active ledger member who could be a mentor. */
export async function findFullMember(trx: Trx, id: string): Promise<{ id: string; name: string; orgId: string } | undefined> {
  const row = await trx
    .selectFrom('member')
    .select(['id', 'name', 'org_id'])
    .where('id', '=', id)
    .where('status', '=', 'full')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, orgId: row.org_id };
}

/** The first full member of an org's own rolls by pinyin (the demo's mentor). */
export async function firstFullMemberOf(trx: Trx, orgId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('member')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'full')
    .orderBy('name_pinyin')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function setKeyTalentMentor(trx: Trx, talentId: string, mentorId: string, at: string): Promise<void> {
  await trx.updateTable('key_talent').set({ mentor_member_id: mentorId, updated_at: at }).where('id', '=', talentId).execute();
}

export async function insertCultivation(
  trx: Trx,
  r: { talentId: string; on: string; content: string; actor: { id: string | null; name: string }; at: string },
): Promise<void> {
  await trx
    .insertInto('key_talent_record')
    .values({
      id: uuidv7(),
      key_talent_id: r.talentId,
      on_date: r.on,
      content: r.content,
      actor_id: r.actor.id,
      actor_name: r.actor.name,
      recorded_at: r.at,
    })
    .execute();
}
