CREATE TABLE `coding_delays` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`waiting_since` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`cleared_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coding_delays_open` ON `coding_delays` (`organisation_id`) WHERE "coding_delays"."cleared_at" IS NULL;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text DEFAULT 'safeguarding_flag' NOT NULL,
	`flag_id` text,
	`delay_id` text,
	`channel` text NOT NULL,
	`target` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flag_id`) REFERENCES `safeguarding_flags`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`delay_id`) REFERENCES `coding_delays`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_notifications`("id", "organisation_id", "flag_id", "channel", "target", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at") SELECT "id", "organisation_id", "flag_id", "channel", "target", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at" FROM `notifications`;--> statement-breakpoint
DROP TABLE `notifications`;--> statement-breakpoint
ALTER TABLE `__new_notifications` RENAME TO `notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_flag_channel` ON `notifications` (`flag_id`,`channel`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_delay_kind_channel` ON `notifications` (`delay_id`,`kind`,`channel`);--> statement-breakpoint
ALTER TABLE `coded_answers` ADD `error` text;--> statement-breakpoint
ALTER TABLE `coded_responses` ADD `error` text;--> statement-breakpoint
ALTER TABLE `safeguarding_flags` ADD `tier` text DEFAULT 'possible' NOT NULL;