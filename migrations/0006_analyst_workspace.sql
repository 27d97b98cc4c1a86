CREATE TABLE `codebooks` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`version` integer NOT NULL,
	`codebook` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `codebooks_version` ON `codebooks` (`organisation_id`,`version`);--> statement-breakpoint
CREATE TABLE `double_coding_items` (
	`round_id` text NOT NULL,
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`round_id`, `response_id`, `question_id`),
	FOREIGN KEY (`round_id`) REFERENCES `double_coding_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `double_coding_items_order` ON `double_coding_items` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `double_coding_labels` (
	`round_id` text NOT NULL,
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`themes` text NOT NULL,
	`coded_at` integer NOT NULL,
	PRIMARY KEY(`round_id`, `response_id`, `question_id`, `staff_id`),
	FOREIGN KEY (`round_id`) REFERENCES `double_coding_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `double_coding_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`questionnaire_id` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`questionnaire_id`) REFERENCES `questionnaires`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `double_coding_rounds_organisation` ON `double_coding_rounds` (`organisation_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`flag_id` text NOT NULL,
	`channel` text NOT NULL,
	`target` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`flag_id`) REFERENCES `safeguarding_flags`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_flag_channel` ON `notifications` (`flag_id`,`channel`);--> statement-breakpoint
CREATE TABLE `organisation_models` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`model_version` text NOT NULL,
	`model` text NOT NULL,
	`codebook_version` text NOT NULL,
	`examples` integer NOT NULL,
	`trained_at` integer NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `organisation_settings` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`suppression_threshold` integer DEFAULT 10 NOT NULL,
	`redaction_terms` text DEFAULT '[]' NOT NULL,
	`notify_webhook_url` text,
	`notify_email` text,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_decisions` (
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`themes` text NOT NULL,
	`reviewed_by` text NOT NULL,
	`reviewed_at` integer NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_decisions_organisation` ON `review_decisions` (`organisation_id`,`reviewed_at`);--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `kind` text DEFAULT 'survey' NOT NULL;--> statement-breakpoint
ALTER TABLE `response_drafts` ADD `context` text;--> statement-breakpoint
ALTER TABLE `responses` ADD `context` text;