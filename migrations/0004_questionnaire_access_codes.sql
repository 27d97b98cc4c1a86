CREATE TABLE `access_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`questionnaire_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`kind` text NOT NULL,
	`school_label` text,
	`class_label` text,
	`batch_id` text,
	`max_uses` integer,
	`uses` integer DEFAULT 0 NOT NULL,
	`expires_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "access_codes_within_limit" CHECK("access_codes"."max_uses" IS NULL OR "access_codes"."uses" <= "access_codes"."max_uses")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_codes_code_hash_unique` ON `access_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `access_codes_questionnaire` ON `access_codes` (`questionnaire_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `access_mode` text DEFAULT 'open' NOT NULL;