import { type Kysely, sql } from 'kysely';
import { dialectOf, makeAppendOnly } from '../helpers.js';

/** The member ledger's record (issue #3): personal data sealed with SM4, blind indexes, and a history per member. */
export async function up(db: Kysely<any>): Promise<void> {
  // One column per ALTER: SQLite adds only one at a time.
  const columns: [string, 'text' | 'integer', (string | number)?][] = [
    ['gender', 'text'],
    ['ethnicity', 'text'],
    ['birth_date', 'text'],
    // ID number and phone: SM4 ciphertext, HMAC-SM3 blind index, and the masked form lists show (DP-02, DP-04).
    ['id_number_enc', 'text'],
    ['id_number_index', 'text'],
    ['id_number_masked', 'text'],
    ['phone_enc', 'text'],
    ['phone_index', 'text'],
    ['phone_masked', 'text'],
    ['education', 'text'],
    ['employer_name', 'text'],
    // The enterprise registry's row when the employer is in it (the registry arrives with the enterprise issue).
    ['enterprise_id', 'text'],
    ['position', 'text'],
    ['full_on', 'text'],
    ['mobility', 'text', 'regular'],
    ['talent_industry_leader', 'integer', 0],
    ['talent_founder', 'integer', 0],
    ['talent_key_dept_head', 'integer', 0],
    ['remarks', 'text'],
    ['archive_reason', 'text'],
    ['updated_at', 'text'],
    ['version', 'integer', 1],
  ];
  for (const [name, type, fallback] of columns) {
    await db.schema
      .alterTable('member')
      .addColumn(name, type, (c) => (fallback === undefined ? c : c.notNull().defaultTo(fallback)))
      .execute();
  }
  await db.schema.createIndex('member_pinyin_idx').on('member').columns(['name_pinyin']).execute();
  await db.schema.createIndex('member_initials_idx').on('member').columns(['name_initials']).execute();
  await db.schema.createIndex('member_phone_idx').on('member').columns(['phone_index']).execute();
  // One active record per person: archived records (left, transferred away) keep their history beside a new one.
  await db.schema
    .createIndex('member_id_number_active')
    .on('member')
    .column('id_number_index')
    .unique()
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  await db.schema.createIndex('member_id_number_idx').on('member').columns(['id_number_index', 'archived_at']).execute();

  // The member a member account belongs to (AZ-05: a member sees their own full record).
  await db.schema
    .alterTable('app_user')
    .addColumn('member_id', 'text', (c) => c.references('member.id'))
    .execute();

  await db.schema
    .createTable('member_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // JSON [{field, before, after}]; personal data appears only masked.
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('member_history_member_idx').on('member_history').columns(['member_id', 'at']).execute();
  await makeAppendOnly(db, dialectOf(db), 'member_history');
}

export async function down(): Promise<void> {
  throw new Error('0002_member_ledger cannot be reverted: restore a backup instead');
}
