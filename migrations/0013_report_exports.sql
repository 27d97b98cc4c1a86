CREATE TABLE `report_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`report_id` text NOT NULL,
	`version` integer NOT NULL,
	`format` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`lease_until` integer,
	`started_at` integer,
	`finished_at` integer,
	`error` text,
	`file_name` text,
	`content_type` text,
	`bytes` blob,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_exports_report` ON `report_exports` (`report_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `report_exports_status` ON `report_exports` (`status`,`lease_until`);--> statement-breakpoint
CREATE INDEX `report_exports_created` ON `report_exports` (`created_at`);