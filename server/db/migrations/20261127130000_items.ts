import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

// Frozen copy of the default topic dictionary at the time of this migration.
const TOPICS: [string, string[]][] = [
  ['经济建设', ['产业发展', '科技创新', '农业农村', '营商环境', '财政金融', '区域协调']],
  ['政治建设', ['民主法治', '统一战线', '政协工作', '基层治理']],
  ['文化建设', ['文化事业', '文化产业', '文物保护', '宣传舆论']],
  ['社会建设', ['教育', '医疗卫生', '就业社保', '养老托育', '安全生产', '交通出行', '住房']],
  ['生态文明建设', ['污染防治', '长江保护', '资源节约', '乡村环境']],
  ['党的建设', ['作风建设', '党风廉政']],
  ['其他', []],
];

/** Items (信息稿件), their versions, events and authors; topics, routing, posts, roster, notifications. */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);

  await db.schema
    .createTable('topics')
    .addColumn('id', idType, id)
    .addColumn('parent_id', 'integer', (c) => c.references('topics.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  for (const [i, [name, children]] of TOPICS.entries()) {
    const parent = await db
      .insertInto('topics')
      .values({ parent_id: null, name, sort_order: i, active: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, child] of children.entries())
      await db
        .insertInto('topics')
        .values({ parent_id: parent.id, name: child, sort_order: j, active: 1 })
        .execute();
  }

  await db.schema
    .createTable('items')
    .addColumn('id', idType, id)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stream', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('direction', 'text')
    .addColumn('topic_id', 'integer', (c) => c.references('topics.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('char_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source_type', 'text', (c) => c.notNull().defaultTo('own'))
    .addColumn('source_ref', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disclosable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitting_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('target_org_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('on_behalf', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('number', 'text')
    .addColumn('number_year', 'integer')
    .addColumn('number_seq', 'integer')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('post_id', 'integer')
    .addColumn('due_at', 'text')
    .addColumn('handed_over', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('composite', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'integer', (c) => c.references('items.id'))
    .addColumn('refer_org_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('last_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('declarations', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('registered_at', 'text')
    .addColumn('lock_user_id', 'integer')
    .addColumn('lock_expires_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The editor's queue: one CPPCC's intake, newest first, by status or not.
  await db.schema
    .createIndex('items_target_status_idx')
    .on('items')
    .columns(['target_org_id', 'status', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('items_target_submitted_idx')
    .on('items')
    .columns(['target_org_id', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('items_submitting_idx')
    .on('items')
    .columns(['submitting_org_id', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('items_created_by_idx')
    .on('items')
    .columns(['created_by', 'updated_at'])
    .execute();
  await db.schema.createIndex('items_assignee_idx').on('items').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('items_merged_into_idx').on('items').column('merged_into_id').execute();
  await db.schema
    .createIndex('items_number_idx')
    .on('items')
    .columns(['target_org_id', 'number_year', 'number_seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('item_authors')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('org_id', 'integer', (c) => c.references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_authors_pk', ['item_id', 'position'])
    .execute();
  await db.schema
    .createIndex('item_authors_user_idx')
    .on('item_authors')
    .columns(['user_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('item_versions')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('char_count', 'integer', (c) => c.notNull())
    .addColumn('editor_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_versions_unique', ['item_id', 'no'])
    .execute();

  await db.schema
    .createTable('item_events')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_events_item_idx').on('item_events').columns(['item_id', 'id']).execute();

  await db.schema
    .createTable('item_counters')
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('item_counters_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('item_attachments')
    .addColumn('id', idType, id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_attachments_item_idx').on('item_attachments').column('item_id').execute();

  // Overrides of the default routing (the nearest CPPCC above the submitting organisation).
  await db.schema
    .createTable('routing_rules')
    .addColumn('id', idType, id)
    .addColumn('source_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('target_org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('routing_rules_source_unique', ['source_org_id'])
    .execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duty', 'text', (c) => c.notNull())
    .addColumn('holder_a_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('holder_b_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('deadline_hours', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posts_org_idx').on('posts').columns(['org_id', 'duty']).execute();

  await db.schema
    .createTable('leaves')
    .addColumn('id', idType, id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('leaves_user_idx').on('leaves').columns(['user_id', 'end_date']).execute();

  await db.schema
    .createTable('duty_roster')
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('duty_roster_pk', ['org_id', 'date'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', idType, id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('items.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('digested_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'read_at', 'id'])
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_prefs_pk', ['user_id', 'kind'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const t of [
    'notification_prefs',
    'notifications',
    'duty_roster',
    'leaves',
    'posts',
    'routing_rules',
    'item_attachments',
    'item_counters',
    'item_events',
    'item_versions',
    'item_authors',
    'items',
    'topics',
  ])
    await db.schema.dropTable(t).execute();
}
