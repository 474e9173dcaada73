import type { NoticePurpose } from '@tongxin/contracts';
import type { Expression, SqlBool } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../../platform/db/connect.js';

// Public notices (公示) of development files and the opinions received about them.

export async function insertDevelopmentNotice(
  trx: Trx,
  n: {
    developmentId: string;
    orgId: string;
    purpose: NoticePurpose;
    startsOn: string;
    endsOn: string;
    workingDays: number;
    scope: string | null;
    at: string;
    by: string | null;
  },
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('development_notice')
    .values({
      id,
      development_id: n.developmentId,
      org_id: n.orgId,
      purpose: n.purpose,
      starts_on: n.startsOn,
      ends_on: n.endsOn,
      working_days: n.workingDays,
      scope: n.scope,
      created_at: n.at,
      created_by: n.by,
    })
    .execute();
  return id;
}

/** A notice's file and start date (what recording an opinion checks). */
export async function findDevelopmentNotice(
  db: Db | Trx,
  id: string,
): Promise<{ id: string; developmentId: string; startsOn: string } | undefined> {
  const row = await db
    .selectFrom('development_notice')
    .select(['id', 'development_id', 'starts_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, developmentId: row.development_id, startsOn: row.starts_on };
}

export async function insertObjection(
  trx: Trx,
  o: {
    noticeId: string;
    receivedOn: string;
    content: string;
    finding: string | null;
    upheld: boolean;
    actor: { id: string; name: string };
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('development_objection')
    .values({
      id: uuidv7(),
      notice_id: o.noticeId,
      received_on: o.receivedOn,
      content: o.content,
      finding: o.finding,
      upheld: o.upheld ? 1 : 0,
      actor_id: o.actor.id,
      actor_name: o.actor.name,
      recorded_at: o.at,
    })
    .execute();
}

export interface ListedNotice {
  id: string;
  developmentId: string;
  personName: string;
  orgName: string;
}

/**
 * Notices of files in an org's subtree within the scope (over `development_notice.org_id`), ending on or after
 * `endsFrom` when given, newest first, at most `limit`.
 */
export async function listDevelopmentNotices(
  db: Db | Trx,
  f: { orgId: string; scope: Expression<SqlBool>; endsFrom: string | null; limit: number },
): Promise<ListedNotice[]> {
  const endsFrom = f.endsFrom;
  const rows = await db
    .selectFrom('development_notice')
    .innerJoin('development', 'development.id', 'development_notice.development_id')
    .innerJoin('org', 'org.id', 'development_notice.org_id')
    .select(['development_notice.id', 'development_notice.development_id', 'development.name', 'org.name as org_name'])
    .where(f.scope)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.descendant_id')
          .where('org_closure.ancestor_id', '=', f.orgId)
          .whereRef('org_closure.descendant_id', '=', 'development_notice.org_id'),
      ),
    )
    .$if(endsFrom !== null, (q) => q.where('development_notice.ends_on', '>=', endsFrom!))
    .orderBy('development_notice.starts_on', 'desc')
    .orderBy('development_notice.id')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({ id: r.id, developmentId: r.development_id, personName: r.name, orgName: r.org_name }));
}
