import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../helpers.js';

/**
 * Member counts per org, kept by the database itself (issue #3, fast lists): `direct` counts an org's own active
 * members, `subtree` those of the org and everything under it. A district's total is then one row read instead
 * of a count over a hundred thousand members. Triggers keep them true for every writer (API, import, transfers,
 * org moves and merges, the demo and bench generators): a member row joining or leaving an org's active rolls,
 * and a closure row appearing or going when a subtree moves.
 *
 * Also the partial indexes the member list walks in its sort orders (active members only).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_member_count')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('org.id'))
    .addColumn('direct', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('subtree', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into org_member_count (org_id, direct, subtree)
    select org.id, (select count(*) from member where member.org_id = org.id and member.archived_at is null), 0 from org`.execute(
    db,
  );
  await sql`update org_member_count set subtree = (
    select coalesce(sum(c.direct), 0) from org_closure as cl
    join org_member_count as c on c.org_id = cl.descendant_id
    where cl.ancestor_id = org_member_count.org_id)`.execute(db);

  if (dialectOf(db) === 'sqlite') await sqliteTriggers(db);
  else await postgresTriggers(db);

  for (const [name, column] of [
    ['member_active_pinyin_idx', 'name_pinyin'],
    ['member_active_joined_idx', 'joined_on'],
    ['member_active_birth_idx', 'birth_date'],
  ] as const) {
    await db.schema.createIndex(name).on('member').columns([column, 'id']).where(sql.ref('archived_at'), 'is', null).execute();
  }
  await db.schema
    .createIndex('member_active_name_idx')
    .on('member')
    .columns(['name', 'id'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
}

const ADJUST = (org: string, delta: string) => `
  update org_member_count set direct = direct + ${delta} where org_id = ${org};
  update org_member_count set subtree = subtree + ${delta}
    where org_id in (select ancestor_id from org_closure where descendant_id = ${org});`;

async function sqliteTriggers(db: Kysely<any>) {
  const statements = [
    `create trigger org_member_count_org after insert on org begin
       insert into org_member_count (org_id, direct, subtree) values (new.id, 0, 0); end`,
    `create trigger org_member_count_closure_in after insert on org_closure begin
       update org_member_count set subtree = subtree + (select direct from org_member_count where org_id = new.descendant_id)
       where org_id = new.ancestor_id; end`,
    `create trigger org_member_count_closure_out after delete on org_closure begin
       update org_member_count set subtree = subtree - (select direct from org_member_count where org_id = old.descendant_id)
       where org_id = old.ancestor_id; end`,
    `create trigger org_member_count_member_in after insert on member when new.archived_at is null begin
       ${ADJUST('new.org_id', '1')} end`,
    `create trigger org_member_count_member_left after update of org_id, archived_at on member when old.archived_at is null begin
       ${ADJUST('old.org_id', '-1')} end`,
    `create trigger org_member_count_member_joined after update of org_id, archived_at on member when new.archived_at is null begin
       ${ADJUST('new.org_id', '1')} end`,
    `create trigger org_member_count_member_out after delete on member when old.archived_at is null begin
       ${ADJUST('old.org_id', '-1')} end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgresTriggers(db: Kysely<any>) {
  const statements = [
    `create function org_member_count_adjust(org text, delta integer) returns void language plpgsql as $$
     begin ${ADJUST('org', 'delta')} end $$`,
    `create function org_member_count_org() returns trigger language plpgsql as $$
     begin insert into org_member_count (org_id, direct, subtree) values (new.id, 0, 0); return null; end $$`,
    `create trigger org_member_count_org after insert on org for each row execute function org_member_count_org()`,
    `create function org_member_count_closure() returns trigger language plpgsql as $$
     begin
       if tg_op = 'INSERT' then
         update org_member_count set subtree = subtree + (select direct from org_member_count where org_id = new.descendant_id)
         where org_id = new.ancestor_id;
       else
         update org_member_count set subtree = subtree - (select direct from org_member_count where org_id = old.descendant_id)
         where org_id = old.ancestor_id;
       end if;
       return null;
     end $$`,
    `create trigger org_member_count_closure after insert or delete on org_closure
     for each row execute function org_member_count_closure()`,
    `create function org_member_count_member() returns trigger language plpgsql as $$
     begin
       if tg_op in ('UPDATE', 'DELETE') and old.archived_at is null then perform org_member_count_adjust(old.org_id, -1); end if;
       if tg_op in ('INSERT', 'UPDATE') and new.archived_at is null then perform org_member_count_adjust(new.org_id, 1); end if;
       return null;
     end $$`,
    `create trigger org_member_count_member after insert or delete or update of org_id, archived_at on member
     for each row execute function org_member_count_member()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0007_member_counts cannot be reverted: restore a backup instead');
}
