-- Stored text holding an unpaired surrogate or NUL is repaired by
-- repairStoredText (packages/db/src/repair-text.ts), run by migrateDatabase
-- once this table exists; SQL cannot tell a lone surrogate's JSON escape
-- from half of a pair. The repair is recorded here so it is done once.
CREATE TABLE `data_repairs` (
	`name` text PRIMARY KEY NOT NULL,
	`changed` integer NOT NULL,
	`done_at` integer NOT NULL
);
