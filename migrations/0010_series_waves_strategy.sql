CREATE TABLE `series` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `series_name` ON `series` (`organisation_id`,`name`);--> statement-breakpoint
CREATE TABLE `strategy_priorities` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `strategy_priorities_organisation` ON `strategy_priorities` (`organisation_id`,`position`);--> statement-breakpoint
CREATE TABLE `success_measures` (
	`id` text PRIMARY KEY NOT NULL,
	`priority_id` text NOT NULL,
	`name` text NOT NULL,
	`series_id` text NOT NULL,
	`measure_key` text,
	`theme_id` text,
	`baseline_wave_id` text NOT NULL,
	`direction` text NOT NULL,
	`target_points` real NOT NULL,
	`target_date` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`priority_id`) REFERENCES `strategy_priorities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`baseline_wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "success_measure_one_kind" CHECK(("success_measures"."measure_key" IS NULL) <> ("success_measures"."theme_id" IS NULL)),
	CONSTRAINT "success_measure_target" CHECK("success_measures"."target_points" > 0)
);
--> statement-breakpoint
CREATE INDEX `success_measures_priority` ON `success_measures` (`priority_id`);--> statement-breakpoint
CREATE TABLE `wave_questionnaires` (
	`wave_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`wave_id`, `questionnaire_id`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wave_questionnaires_questionnaire` ON `wave_questionnaires` (`questionnaire_id`);--> statement-breakpoint
CREATE TABLE `waves` (
	`id` text PRIMARY KEY NOT NULL,
	`series_id` text NOT NULL,
	`label` text NOT NULL,
	`fieldwork_date` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waves_label` ON `waves` (`series_id`,`label`);--> statement-breakpoint
CREATE INDEX `waves_series_date` ON `waves` (`series_id`,`fieldwork_date`);