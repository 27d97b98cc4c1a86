// What analysts can explore: the organisation's published surveys and its
// collections of imported free text, for the analysis home page. The designer
// list is not enough: it has drafts, no kind, and exact response counts,
// where here a count under the organisation's threshold is withheld like any
// other figure.
import { type Database, textOfJson } from '@safer-voices/db';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { StaffEnv } from '../auth/guards';
import { requirePolicy } from '../policies/guard';
import { reachableOrganisation } from '../policies/reachable';
import { settingsOf } from '../store/organisation-settings';
import { validate } from '../validation';

export interface ExploreListItem {
  id: string;
  title: string;
  kind: 'survey' | 'collection';
  /** Published versions (for a collection, however many it has). */
  versions: number;
  /** Responses (or imported rows) over every version; null when fewer than the threshold. */
  responses: number | null;
}

interface Row {
  id: string;
  kind: 'survey' | 'collection';
  title: unknown;
  published: number;
  all_versions: number;
  responses: number;
}

async function explorable(db: Database, organisationId: string, threshold: number): Promise<ExploreListItem[]> {
  // The title comes from the newest published version, or the newest one when none is.
  const rows = await db.all<Row>(sql`
    SELECT q.id, q.kind,
      (SELECT v.definition -> '$.title' FROM questionnaire_versions v WHERE v.questionnaire_id = q.id
        ORDER BY v.published_at IS NULL, v.version DESC LIMIT 1) AS title,
      (SELECT count(*) FROM questionnaire_versions v WHERE v.questionnaire_id = q.id AND v.published_at IS NOT NULL) AS published,
      (SELECT count(*) FROM questionnaire_versions v WHERE v.questionnaire_id = q.id) AS all_versions,
      (SELECT count(*) FROM responses r JOIN questionnaire_versions v ON v.id = r.version_id WHERE v.questionnaire_id = q.id) AS responses
    FROM questionnaires q
    WHERE q.organisation_id = ${organisationId}
    ORDER BY q.created_at DESC, q.id`);
  return rows
    .filter((r) => r.kind === 'collection' || Number(r.published) > 0) // a survey nobody could answer yet has nothing to explore
    .map((r) => {
      const responses = Number(r.responses);
      return {
        id: r.id,
        title: textOfJson(r.title) ?? '',
        kind: r.kind,
        versions: Number(r.kind === 'collection' ? r.all_versions : r.published),
        responses: responses >= threshold ? responses : null
      };
    });
}

export const exploreListRoute = new Hono<StaffEnv>().get(
  '/',
  requirePolicy('findings', 'explore'),
  validate('query', z.object({ organisationId: z.string().min(1).max(100).optional() })),
  async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const threshold = (await settingsOf(c.var.db, organisationId)).suppressionThreshold;
    return c.json({ organisationId, threshold, questionnaires: await explorable(c.var.db, organisationId, threshold) });
  }
);
