// Repairs made to stored data by code rather than SQL (see repair-text.ts).
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A repair that has been done, so it is done once. */
export const dataRepairs = sqliteTable('data_repairs', {
  name: text('name').primaryKey(),
  /** How many stored values it changed. */
  changed: integer('changed').notNull(),
  doneAt: integer('done_at', { mode: 'timestamp_ms' }).notNull()
});
