// Demo responses: synthetic answers to the three demo surveys, spread over
// the last eight weeks, many of the pupils' with class-code labels (school
// and class), coded by the real coder, so a new demo shows a meaningful
// explorer and Themes page. Every answer is generated (never a real
// respondent's words) and checked against its questionnaire.
import { randomUUID } from 'node:crypto';
import { type Database, type ResponseContext, responses } from '@safer-voices/db';
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import { sql } from 'drizzle-orm';
import { codeOutstanding } from '../coding/code-outstanding';
import { uuidv7 } from '../ingest/ids';
import { sha256 } from '../store/canonical-json';
import { type Random, seededRandom } from './random';
import { syntheticResponse } from './synthetic-answers';

/** How many responses each demo survey gets. */
export const DEMO_RESPONSE_COUNTS: Record<string, number> = {
  'youth-safety-11-19': 1500,
  'feeling-safe-8-11': 300,
  'community-safety-residents': 250
};

const DAY = 86_400_000;
const WEEKS = 8;

/** Invented schools: pupils who answer with a class code carry their school and class labels. */
const SCHOOLS: Record<string, { schools: string[]; yearOf: (age: number | undefined, random: Random) => number | null }> = {
  'youth-safety-11-19': {
    schools: ['Northfield Academy', 'Riverside School', 'Hillcrest High School', 'Westbrook College'],
    // Year 7 at 11 to Year 13 at 17; older respondents are not at school.
    yearOf: (age, random) => (age === undefined ? random.int(7, 11) : age <= 17 ? Math.max(7, age - 4) : null)
  },
  'feeling-safe-8-11': {
    schools: ['Oakwood Primary School', 'Meadow Lane Primary', 'Brookside Junior School'],
    yearOf: (age, random) => (age === undefined ? random.int(3, 6) : Math.min(6, Math.max(3, age - 5)))
  }
};

function submittedAt(random: Random, now: number, school: boolean): Date {
  for (;;) {
    const day = new Date(now - random.int(0, WEEKS * 7 - 1) * DAY);
    // Class codes are used in school hours on school days; others answer any time.
    const weekday = day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
    if (school && !weekday) continue;
    const hour = school ? random.int(9, 14) : random.int(7, 21);
    const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, random.int(0, 59), random.int(0, 59));
    if (at <= now) return new Date(at);
  }
}

export interface SeededResponses {
  responses: number;
  answersCoded: number;
  flagged: number;
  ms: number;
}

/** Add demo responses to the demo surveys (by slug) and code them. */
export async function seedDemoResponses(db: Database, { counts = DEMO_RESPONSE_COUNTS, now = Date.now(), seed = 2026 } = {}): Promise<SeededResponses> {
  const started = performance.now();
  const random = seededRandom(seed);
  const rows: (typeof responses.$inferInsert)[] = [];
  for (const [slug, count] of Object.entries(counts)) {
    const [version] = await db.all<{ id: string; definition: string }>(sql`
      SELECT v.id, v.definition FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
      WHERE q.slug = ${slug} AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1`);
    if (!version) continue;
    const definition = JSON.parse(version.definition) as QuestionnaireDefinition;
    const schools = SCHOOLS[slug];
    for (let i = 0; i < count; i++) {
      const { answers } = syntheticResponse(definition, random);
      const age = typeof answers.age === 'number' ? answers.age : undefined;
      const year = schools && random.chance(0.65) ? schools.yearOf(age, random) : null;
      const context: ResponseContext | null = schools && year !== null ? { school: random.pick(schools.schools), class: `Year ${year}` } : null;
      const at = submittedAt(random, now, context !== null);
      rows.push({ id: uuidv7(at.getTime()), versionId: version.id, idempotencyKey: sha256(randomUUID()), answers, context, submittedAt: at });
    }
  }
  for (let at = 0; at < rows.length; at += 1000) {
    const chunk = rows.slice(at, at + 1000);
    await db.batch([db.insert(responses).values(chunk.slice(0, 500)), ...(chunk.length > 500 ? [db.insert(responses).values(chunk.slice(500))] : [])]);
  }
  let answersCoded = 0;
  let flagged = 0;
  for (;;) {
    const chunk = await codeOutstanding({ db }, { limit: 1000 });
    if (chunk.responses === 0) break;
    answersCoded += chunk.answers;
    flagged += chunk.flagged;
  }
  return { responses: rows.length, answersCoded, flagged, ms: Math.round(performance.now() - started) };
}
