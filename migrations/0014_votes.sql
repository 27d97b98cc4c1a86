CREATE TABLE `vote_audio` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`media_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`duration_ms` integer,
	`chunk_size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vote_audio_chunks` (
	`audio_id` text NOT NULL,
	`seq` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`audio_id`, `seq`),
	FOREIGN KEY (`audio_id`) REFERENCES `vote_audio`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vote_ballots` (
	`id` text PRIMARY KEY NOT NULL,
	`vote_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`receipt` text NOT NULL,
	`cast_at` integer NOT NULL,
	`code_id` text,
	`browser_token_hash` text,
	`idempotency_key_hash` text,
	`status` text NOT NULL,
	`held_group` text,
	`decided_at` integer,
	`decided_by` text,
	`decision_reason` text,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `vote_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`code_id`) REFERENCES `vote_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_receipt` ON `vote_ballots` (`receipt`);--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_code` ON `vote_ballots` (`code_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_browser` ON `vote_ballots` (`vote_id`,`browser_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_idempotency` ON `vote_ballots` (`vote_id`,`idempotency_key_hash`);--> statement-breakpoint
CREATE INDEX `vote_ballots_vote` ON `vote_ballots` (`vote_id`,`status`,`entry_id`);--> statement-breakpoint
CREATE INDEX `vote_ballots_held` ON `vote_ballots` (`vote_id`,`held_group`);--> statement-breakpoint
CREATE TABLE `vote_code_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`vote_id` text NOT NULL,
	`label` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_code_batches_vote` ON `vote_code_batches` (`vote_id`);--> statement-breakpoint
CREATE TABLE `vote_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`vote_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`code` text NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`batch_id`) REFERENCES `vote_code_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_codes_code` ON `vote_codes` (`vote_id`,`code`);--> statement-breakpoint
CREATE INDEX `vote_codes_batch` ON `vote_codes` (`batch_id`);--> statement-breakpoint
CREATE TABLE `vote_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`vote_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`group_name` text NOT NULL,
	`first_names` text DEFAULT '' NOT NULL,
	`transcript` text DEFAULT '' NOT NULL,
	`captions` text,
	`audio_id` text,
	`consent_confirmed_by` text,
	`consent_confirmed_at` integer,
	`taken_down_at` integer,
	`taken_down_by` text,
	`takedown_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`audio_id`) REFERENCES `vote_audio`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_confirmed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taken_down_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_entries_vote` ON `vote_entries` (`vote_id`,`position`);--> statement-breakpoint
CREATE TABLE `vote_network_windows` (
	`vote_id` text NOT NULL,
	`network_hash` text NOT NULL,
	`window_start` integer NOT NULL,
	`votes` integer DEFAULT 0 NOT NULL,
	`held_group` text DEFAULT (lower(hex(randomblob(8)))) NOT NULL,
	PRIMARY KEY(`vote_id`, `network_hash`, `window_start`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_network_windows_start` ON `vote_network_windows` (`window_start`);--> statement-breakpoint
CREATE TABLE `vote_refusals` (
	`vote_id` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_refusals_vote` ON `vote_refusals` (`vote_id`,`at`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`introduction` text DEFAULT '' NOT NULL,
	`opens_at` integer NOT NULL,
	`closes_at` integer NOT NULL,
	`require_code` integer DEFAULT false NOT NULL,
	`browser_token` integer DEFAULT true NOT NULL,
	`network_threshold` integer,
	`network_window_minutes` integer DEFAULT 10 NOT NULL,
	`network_salt` text NOT NULL,
	`published_at` integer,
	`published_by` text,
	`results_published_at` integer,
	`results_published_by` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`results_published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `votes_slug` ON `votes` (`slug`);--> statement-breakpoint
CREATE INDEX `votes_organisation` ON `votes` (`organisation_id`,`created_at`);