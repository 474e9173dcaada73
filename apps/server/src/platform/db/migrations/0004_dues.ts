import { type Kysely, sql } from 'kysely';
import { dialectOf, makeAppendOnly } from '../helpers.js';

/**
 * Party dues (issue #3 point 9): each member's dues profile by the month it applies from, payments by month,
 * and hardship reductions with their approval. Money is integer fen; months are YYYY-MM text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A profile row applies from its month until the member's next one; rows are never changed (history).
  await db.schema
    .createTable('dues_profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    // Monthly after-tax regular income (employees, retirees); null for the fixed-amount categories.
    .addColumn('base_fen', 'integer')
    // A farmer's fixed amount as the branch set it (null: the rules' default).
    .addColumn('fixed_fen', 'integer')
    .addColumn('note', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_by_name', 'text')
    .execute();
  await db.schema
    .createIndex('dues_profile_member_idx')
    .on('dues_profile')
    .columns(['member_id', 'from_month', 'set_at'])
    .execute();
  await makeAppendOnly(db, dialectOf(db), 'dues_profile');

  await db.schema
    .createTable('dues_payment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    // The member's org when the payment was recorded (the sheet it belongs to).
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    // What was due for the month when it was paid (null when no profile was set).
    .addColumn('due_fen', 'integer')
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // 大额党费: a single payment of 1000 元 or more.
    .addColumn('large', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_name', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  // One standing payment per member and month; a revoked one stays beside its correction.
  await db.schema
    .createIndex('dues_payment_member_month')
    .on('dues_payment')
    .columns(['member_id', 'month'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema.createIndex('dues_payment_member_idx').on('dues_payment').columns(['member_id', 'month']).execute();

  await db.schema
    .createTable('dues_reduction')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    // The branch that asked, and the org one level up whose committee decides.
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('approver_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('from_month', 'text', (c) => c.notNull())
    .addColumn('to_month', 'text', (c) => c.notNull())
    // The monthly amount due after the reduction (0: exempt).
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text')
    .addColumn('requested_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('dues_reduction_member_idx').on('dues_reduction').columns(['member_id', 'status']).execute();
  await db.schema.createIndex('dues_reduction_org_idx').on('dues_reduction').columns(['org_id', 'status']).execute();
  await db.schema
    .createIndex('dues_reduction_approver_idx')
    .on('dues_reduction')
    .columns(['approver_org_id', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0004_dues cannot be reverted: restore a backup instead');
}
