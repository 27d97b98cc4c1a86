// Which of an organisation's reports name a strategy priority or a measure of
// success in their newest version: while one does, the priority or measure
// is not removed, or the report could no longer be saved (its definition
// would point at nothing). Ids are time-ordered UUIDs, so finding one in the
// definition's JSON text cannot match anything else.
import type { Database } from '@safer-voices/db';
import { sql } from 'drizzle-orm';

export async function reportsNaming(db: Database, organisationId: string, id: string): Promise<string[]> {
  const rows = await db.all<{ title: string }>(sql`
    SELECT json_extract(v.definition, '$.title') AS title FROM reports r JOIN report_versions v ON v.report_id = r.id
    WHERE r.organisation_id = ${organisationId}
      AND v.version = (SELECT max(version) FROM report_versions WHERE report_id = r.id)
      AND instr(v.definition, ${id}) > 0
    ORDER BY r.created_at`);
  return rows.map((r) => String(r.title));
}
