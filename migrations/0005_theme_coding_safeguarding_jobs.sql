CREATE TABLE `answer_codes` (
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`theme_id` text NOT NULL,
	`confidence` real NOT NULL,
	`decision` text NOT NULL,
	`evidence` text NOT NULL,
	`codebook_version` text NOT NULL,
	`model_version` text NOT NULL,
	`coded_at` integer NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`, `theme_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `answer_codes_theme` ON `answer_codes` (`theme_id`,`decision`);--> statement-breakpoint
CREATE TABLE `coded_answers` (
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`codebook_version` text NOT NULL,
	`model_version` text NOT NULL,
	`coded_at` integer NOT NULL,
	`certainty` real NOT NULL,
	`needs_review` integer NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `coded_responses` (
	`response_id` text PRIMARY KEY NOT NULL,
	`coded_at` integer NOT NULL,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`kind` text NOT NULL,
	`params` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`started_at` integer,
	`updated_at` integer NOT NULL,
	`error` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `jobs_status` ON `jobs` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `safeguarding_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`confidence` real NOT NULL,
	`evidence` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`note` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `safeguarding_flags_answer` ON `safeguarding_flags` (`response_id`,`question_id`);--> statement-breakpoint
CREATE INDEX `safeguarding_flags_queue` ON `safeguarding_flags` (`organisation_id`,`status`,`created_at`);