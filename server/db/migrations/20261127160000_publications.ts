import { idColumn, idColumnType, type MigrationDb } from './helpers.ts';

/**
 * Publications (刊物) and their issues (期): compiling, numbering, approval chains as versioned
 * data chosen by rules, signoffs, frozen Word files and dispatch to each recipient.
 */
export async function up(db: MigrationDb): Promise<void> {
  const id = idColumn(db);
  const idType = idColumnType(db);

  await db.schema
    .createTable('publications')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('masthead', 'text', (c) => c.notNull())
    .addColumn('masthead_color', 'text', (c) => c.notNull().defaultTo('C00000'))
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('streams', 'text', (c) => c.notNull())
    .addColumn('single_item', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('per_week', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('marking', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('print_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('count_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_offset', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publications_org_name_uq', ['org_id', 'name'])
    .execute();

  await db.schema
    .createTable('approval_chains')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('approval_chains_org_name_uq', ['org_id', 'name'])
    .execute();
  await db.schema
    .createTable('approval_chain_versions')
    .addColumn('id', idType, id)
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('approval_chains.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('approval_chain_versions_uq', ['chain_id', 'version'])
    .execute();
  await db.schema
    .createTable('approval_rules')
    .addColumn('id', idType, id)
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('condition', 'text', (c) => c.notNull())
    .addColumn('publication_id', 'integer', (c) => c.references('publications.id'))
    .addColumn('chain_id', 'integer', (c) => c.notNull().references('approval_chains.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('issues')
    .addColumn('id', idType, id)
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id'))
    .addColumn('org_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('editor_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recipients', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('print_run', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('year', 'integer')
    .addColumn('number', 'integer')
    .addColumn('total_number', 'integer')
    .addColumn('chain_version_id', 'integer', (c) => c.references('approval_chain_versions.id'))
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('step_index', 'integer')
    .addColumn('compiled_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('signed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('signed_at', 'text')
    .addColumn('document', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('content_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addUniqueConstraint('issues_number_uq', ['publication_id', 'kind', 'year', 'number'])
    .execute();
  await db.schema.createIndex('issues_org_status_idx').on('issues').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('issue_items')
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('issue_items_pk', ['issue_id', 'item_id'])
    .addUniqueConstraint('issue_items_item_uq', ['item_id'])
    .execute();

  await db.schema
    .createTable('issue_counters')
    .addColumn('publication_id', 'integer', (c) => c.notNull().references('publications.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('issue_counters_pk', ['publication_id', 'series', 'year'])
    .execute();

  await db.schema
    .createTable('issue_signoffs')
    .addColumn('id', idType, id)
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('step_index', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('post_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('acted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('acted_at', 'text')
    .addColumn('added_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('issue_signoffs_issue_idx')
    .on('issue_signoffs')
    .columns(['issue_id', 'round', 'step_index'])
    .execute();
  await db.schema
    .createIndex('issue_signoffs_user_idx')
    .on('issue_signoffs')
    .columns(['user_id', 'status'])
    .execute();

  await db.schema
    .createTable('issue_events')
    .addColumn('id', idType, id)
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('step_index', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('issue_events_issue_idx')
    .on('issue_events')
    .columns(['issue_id', 'id'])
    .execute();

  await db.schema
    .createTable('issue_views')
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('viewed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('issue_views_pk', ['issue_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('issue_files')
    .addColumn('id', idType, id)
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('issue_files_revision_uq', ['issue_id', 'revision'])
    .execute();

  await db.schema
    .createTable('dispatches')
    .addColumn('id', idType, id)
    .addColumn('issue_id', 'integer', (c) => c.notNull().references('issues.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('recipient_group', 'text', (c) => c.notNull())
    .addColumn('top_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('upward', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_on', 'text')
    .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dispatches_issue_idx')
    .on('dispatches')
    .columns(['issue_id', 'position'])
    .execute();

  await db.schema
    .alterTable('items')
    .addColumn('top_leaders', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('notifications').addColumn('issue_id', 'integer').execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('issue_id').execute();
  await db.schema.alterTable('items').dropColumn('top_leaders').execute();
  for (const t of [
    'dispatches',
    'issue_files',
    'issue_views',
    'issue_events',
    'issue_signoffs',
    'issue_counters',
    'issue_items',
    'issues',
    'approval_rules',
    'approval_chain_versions',
    'approval_chains',
    'publications',
  ])
    await db.schema.dropTable(t).execute();
}
