-- A published questionnaire version is a contract with its responses: it
-- can be neither changed nor deleted. Editing makes a new draft version.
CREATE TRIGGER `questionnaire_versions_published_no_update`
BEFORE UPDATE ON `questionnaire_versions`
WHEN OLD.`published_at` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'published questionnaire versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `questionnaire_versions_published_no_delete`
BEFORE DELETE ON `questionnaire_versions`
WHEN OLD.`published_at` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'published questionnaire versions are immutable');
END;
