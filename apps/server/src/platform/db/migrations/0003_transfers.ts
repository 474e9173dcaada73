import { type Kysely, sql } from 'kysely';
import { dialectOf, makeAppendOnly } from '../helpers.js';

/**
 * Transfers of membership (issue #3 point 8): one row per letter, with its events. Tongxin tracks the transfer
 * and moves the member between its own orgs when the receiving side accepts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transfer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // The member being transferred; null for a transfer in until the receiving side accepts it.
    .addColumn('member_id', 'text', (c) => c.references('member.id'))
    .addColumn('member_name', 'text', (c) => c.notNull())
    // A transfer in holds the incoming record sealed like a member's (DP-02) until it becomes one.
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('phone_masked', 'text')
    // JSON of the incoming record's plain fields (no ID number or phone).
    .addColumn('incoming', 'text')
    .addColumn('from_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('to_org_id', 'text', (c) => c.references('org.id'))
    // The organisation outside the city: the destination of a transfer out, the source of a transfer in.
    .addColumn('external_org_name', 'text')
    .addColumn('cross_province', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('letter_no', 'text', (c) => c.notNull())
    // Who issued the letter: the sending org's id, or 外:<name> for a letter from outside the city.
    .addColumn('issuer_key', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('receipt_due', 'text', (c) => c.notNull())
    .addColumn('receipt_on', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // Why it was rejected or cancelled.
    .addColumn('resolution_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('transfer_from_idx').on('transfer').columns(['from_org_id', 'status', 'issued_on']).execute();
  await db.schema.createIndex('transfer_to_idx').on('transfer').columns(['to_org_id', 'status', 'issued_on']).execute();
  await db.schema.createIndex('transfer_pending_due_idx').on('transfer').columns(['status', 'receipt_due']).execute();
  await db.schema.createIndex('transfer_member_idx').on('transfer').columns(['member_id']).execute();
  // A letter number once per issuing side (a cancelled letter's number may be registered again).
  await db.schema
    .createIndex('transfer_letter_unique')
    .on('transfer')
    .columns(['issuer_key', 'letter_no'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
  // One pending transfer per member, and per incoming person (by the ID number's blind index).
  await db.schema
    .createIndex('transfer_member_pending')
    .on('transfer')
    .column('member_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('transfer_id_number_pending')
    .on('transfer')
    .column('id_number_index')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('transfer_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('transfer_id', 'text', (c) => c.notNull().references('transfer.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('transfer_event_idx').on('transfer_event').columns(['transfer_id', 'at']).execute();
  await makeAppendOnly(db, dialectOf(db), 'transfer_event');
}

export async function down(): Promise<void> {
  throw new Error('0003_transfers cannot be reverted: restore a backup instead');
}
