-- An organisation must keep at least one admin who can sign in, or nobody
-- could invite staff or change roles there again. The API checks this first
-- to give a clear message; this trigger makes it true whatever writes.
CREATE TRIGGER `staff_roles_keep_last_admin`
BEFORE DELETE ON `staff_roles`
WHEN OLD.`role` = 'admin' AND NOT EXISTS (
  SELECT 1 FROM `staff_roles` AS r
  JOIN `staff` AS s ON s.`id` = r.`staff_id`
  WHERE r.`role` = 'admin'
    AND r.`staff_id` <> OLD.`staff_id`
    AND s.`disabled_at` IS NULL
    AND s.`organisation_id` = (SELECT `organisation_id` FROM `staff` WHERE `id` = OLD.`staff_id`)
)
BEGIN
  SELECT RAISE(ABORT, 'an organisation must keep at least one admin');
END;
