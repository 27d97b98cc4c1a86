// How long answers have waited for the coder: for each organisation, when the
// oldest response the coder has not looked at yet (no coded_responses row)
// was stored. Every free-text answer waits in that line, so its age is the
// delay before a disclosure can reach the safeguarding queue.
//
// Asked often (the health check, staff pages, the notifier), so it must stay
// cheap on a large table: per connection it remembers a low-water mark below
// which every response was coded when last asked, and searches only from
// there. Rows are only ever added to coded_responses, so the mark stays true;
// it never passes a few minutes ago, because group commit may store a
// response a little after a later-made id.
import { type Database, firstIdAt, timeOfId } from '@safer-voices/db';
import { sql } from 'drizzle-orm';

const LOOK_BACK_MS = 5 * 60_000;

const lowWater = new WeakMap<Database, string>();

export interface Waiting {
  organisationId: string;
  /** When the organisation's oldest uncoded response was stored. */
  since: Date;
}

export async function waitingByOrganisation(db: Database): Promise<Waiting[]> {
  const from = lowWater.get(db) ?? '';
  const rows = await db.all<{ organisation_id: string; oldest_id: string; oldest_submitted: number }>(sql`
    SELECT q.organisation_id, min(r.id) AS oldest_id, min(r.submitted_at) AS oldest_submitted
    FROM responses r
    JOIN questionnaire_versions v ON v.id = r.version_id
    JOIN questionnaires q ON q.id = v.questionnaire_id
    WHERE r.id >= ${from} AND NOT EXISTS (SELECT 1 FROM coded_responses c WHERE c.response_id = r.id)
    GROUP BY q.organisation_id`);
  const recent = firstIdAt(Date.now() - LOOK_BACK_MS);
  // biome-ignore lint/complexity/useMathMinMax: ids are strings compared in text order; Math.min would turn them into numbers (NaN)
  const oldest = rows.reduce<string>((low, r) => (r.oldest_id < low ? r.oldest_id : low), recent);
  lowWater.set(db, oldest);
  // Ids are made when a response is stored (an imported row's own date may be years earlier).
  return rows.map((r) => ({ organisationId: r.organisation_id, since: new Date(timeOfId(r.oldest_id) ?? Number(r.oldest_submitted)) }));
}

/** Seconds the oldest uncoded response of any organisation has waited; 0 when none waits. */
export async function oldestWaitSeconds(db: Database, now = Date.now()): Promise<number> {
  const waiting = await waitingByOrganisation(db);
  const oldest = Math.min(...waiting.map((w) => w.since.getTime()));
  return Number.isFinite(oldest) ? Math.max(0, Math.floor((now - oldest) / 1000)) : 0;
}
