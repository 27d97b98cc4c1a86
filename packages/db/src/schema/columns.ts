import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** When a row was made, filled in by the database. */
export const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
