ALTER TABLE `questionnaires` ADD `responsible_organisation` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `privacy_contact` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `retention` text;--> statement-breakpoint
ALTER TABLE `questionnaires` ADD `listed` integer;