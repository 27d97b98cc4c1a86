DROP INDEX `vote_ballots_code`;--> statement-breakpoint
DROP INDEX `vote_ballots_browser`;--> statement-breakpoint
DROP INDEX `vote_ballots_idempotency`;--> statement-breakpoint
DROP INDEX `vote_ballots_held`;--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_code` ON `vote_ballots` (`code_id`) WHERE "vote_ballots"."code_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_browser` ON `vote_ballots` (`vote_id`,`browser_token_hash`) WHERE "vote_ballots"."browser_token_hash" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `vote_ballots_idempotency` ON `vote_ballots` (`vote_id`,`idempotency_key_hash`) WHERE "vote_ballots"."idempotency_key_hash" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `vote_ballots_held` ON `vote_ballots` (`vote_id`,`held_group`) WHERE "vote_ballots"."held_group" IS NOT NULL;