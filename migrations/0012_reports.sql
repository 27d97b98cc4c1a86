CREATE TABLE `quote_clearances` (
	`organisation_id` text NOT NULL,
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`cleared_by` text NOT NULL,
	`cleared_at` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cleared_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quote_clearances_organisation` ON `quote_clearances` (`organisation_id`,`cleared_at`);--> statement-breakpoint
CREATE TABLE `report_versions` (
	`report_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`document` text,
	`published_at` integer,
	`published_by` text,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`report_id`, `version`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_versions_published` ON `report_versions` (`report_id`,`published_at`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`slug` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_slug` ON `reports` (`slug`);--> statement-breakpoint
CREATE INDEX `reports_organisation` ON `reports` (`organisation_id`,`created_at`);--> statement-breakpoint
-- A published report is frozen, as a published questionnaire version is:
-- editing it makes a new draft version.
CREATE TRIGGER `report_versions_published_no_update`
BEFORE UPDATE ON `report_versions`
WHEN OLD.`published_at` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'published report versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `report_versions_published_no_delete`
BEFORE DELETE ON `report_versions`
WHEN OLD.`published_at` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'published report versions are immutable');
END;
