import { sql } from 'kysely';
import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/**
 * Referral of items to departments (交办 → 签收 → 办复 → 评价) and follow-up of instructed items
 * (督办), with the markers that make each automatic reminder go out once.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);
  await db.schema
    .createTable('referrals')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('desk_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('signer_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('signed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('signed_proxy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'integer', (c) => c.references('users.id'))
    .addColumn('revoke_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One live referral per department per item; a revoked one may be made again.
  await db.schema
    .createIndex('referrals_live_uq')
    .on('referrals')
    .columns(['item_id', 'org_id'])
    .unique()
    .where(sql.ref('state'), '<>', 'revoked')
    .execute();
  await db.schema.createIndex('referrals_org_idx').on('referrals').columns(['org_id', 'state']).execute();
  await db.schema.createIndex('referrals_desk_idx').on('referrals').columns(['desk_id', 'state']).execute();
  await db.schema
    .createTable('referral_replies')
    .addColumn('id', idType, id)
    .addColumn('referral_id', 'integer', (c) => c.notNull().references('referrals.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('replied_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('proxy', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('review_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema
    .createIndex('referral_replies_idx')
    .on('referral_replies')
    .columns(['referral_id', 'id'])
    .execute();
  await db.schema
    .createTable('referral_files')
    .addColumn('id', idType, id)
    .addColumn('reply_id', 'integer', (c) => c.notNull().references('referral_replies.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('referral_files_idx').on('referral_files').columns(['reply_id']).execute();

  await db.schema
    .createTable('supervisions')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('desk_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('feedback_id', 'integer', (c) => c.notNull().unique().references('item_feedback.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('remind_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', 'text')
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('implementation_id', 'integer', (c) => c.references('item_feedback.id'))
    .execute();
  await db.schema
    .createIndex('supervisions_desk_idx')
    .on('supervisions')
    .columns(['desk_id', 'state', 'due_on'])
    .execute();
  await db.schema
    .createTable('supervision_units')
    .addColumn('supervision_id', 'integer', (c) => c.notNull().references('supervisions.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addPrimaryKeyConstraint('supervision_units_pk', ['supervision_id', 'org_id'])
    .execute();
  // A row per automatic reminder sent: inserted (or found) in the transaction that notifies, so
  // each reminder goes out once across restarts and across instances.
  await db.schema
    .createTable('reminder_marks')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_marks_pk', ['subject', 'subject_id', 'kind', 'due_on'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of [
    'reminder_marks',
    'supervision_units',
    'supervisions',
    'referral_files',
    'referral_replies',
    'referrals',
  ])
    await db.schema.dropTable(t).execute();
}
