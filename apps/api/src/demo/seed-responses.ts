// Demo responses: synthetic answers to the three demo surveys, spread over
// the last eight weeks, many of the pupils' with class-code labels (school
// and class), coded by the real coder, so a new demo shows a meaningful
// explorer: after dark less safe than daytime, girls less safe than boys
// after dark and in town, some schools above others (demo-lean.ts). Every
// answer is generated (never a real respondent's words) and checked against
// its questionnaire.
import { randomUUID } from 'node:crypto';
import { type Database, newId, type ResponseContext, responses } from '@safer-voices/db';
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import { sql } from 'drizzle-orm';
import { codeOutstanding } from '../coding/code-outstanding';
import { sha256 } from '../store/canonical-json';
import { DEMO_SHARES, demoLean } from './demo-lean';
import { type Random, seededRandom } from './random';
import { syntheticResponse } from './synthetic-answers';

/** How many responses each demo survey gets. */
export const DEMO_RESPONSE_COUNTS: Record<string, number> = {
  'youth-safety-11-19': 1500,
  'feeling-safe-8-11': 300,
  'community-safety-residents': 250
};

const DAY = 86_400_000;
export const DEMO_WEEKS = 8;

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

function submittedAt(random: Random, until: number, school: boolean): Date {
  for (;;) {
    const day = new Date(until - random.int(0, DEMO_WEEKS * 7 - 1) * DAY);
    // Class codes are used in school hours on school days; others answer any time.
    const weekday = day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
    if (school && !weekday) continue;
    const hour = school ? random.int(9, 14) : random.int(7, 21);
    const at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, random.int(0, 59), random.int(0, 59));
    if (at <= until) return new Date(at);
  }
}

export interface SeededResponses {
  responses: number;
  answersCoded: number;
  flagged: number;
  ms: number;
}

/** What to add for one published version: how many, answered over the eight weeks up to `until`, shaped as the demo's earlier wave or not. */
export interface ResponsePlan {
  /** The template the version was made from: it decides the invented schools. */
  template: string;
  versionId: string;
  definition: QuestionnaireDefinition;
  count: number;
  until: number;
  earlierWave?: boolean;
}

/** Synthetic responses for each plan, stored in batches and then coded. */
export async function seedResponses(db: Database, plans: ResponsePlan[], random: Random): Promise<Omit<SeededResponses, 'ms'>> {
  const rows: (typeof responses.$inferInsert)[] = [];
  for (const plan of plans) {
    const schools = SCHOOLS[plan.template];
    for (let i = 0; i < plan.count; i++) {
      const school = schools && random.chance(0.65) ? random.pick(schools.schools) : null;
      const { answers } = syntheticResponse(plan.definition, random, { lean: demoLean(school, { earlierWave: plan.earlierWave }), shares: DEMO_SHARES });
      const age = typeof answers.age === 'number' ? answers.age : undefined;
      const year = schools && school ? schools.yearOf(age, random) : null;
      const context: ResponseContext | null = school && year !== null ? { school, class: `Year ${year}` } : null;
      const at = submittedAt(random, plan.until, context !== null);
      rows.push({ id: newId(at.getTime()), versionId: plan.versionId, idempotencyKey: sha256(randomUUID()), answers, context, submittedAt: at });
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
  return { responses: rows.length, answersCoded, flagged };
}

/** The newest published version of a demo survey, by slug. */
export async function publishedBySlug(db: Database, slug: string): Promise<{ id: string; definition: QuestionnaireDefinition } | null> {
  const [version] = await db.all<{ id: string; definition: string }>(sql`
    SELECT v.id, v.definition FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
    WHERE q.slug = ${slug} AND v.published_at IS NOT NULL ORDER BY v.version DESC LIMIT 1`);
  return version ? { id: version.id, definition: JSON.parse(version.definition) as QuestionnaireDefinition } : null;
}

/** Add demo responses to the demo surveys (by slug) and code them. */
export async function seedDemoResponses(db: Database, { counts = DEMO_RESPONSE_COUNTS, now = Date.now(), seed = 2026 } = {}): Promise<SeededResponses> {
  const started = performance.now();
  const plans: ResponsePlan[] = [];
  for (const [slug, count] of Object.entries(counts)) {
    const version = await publishedBySlug(db, slug);
    if (version) plans.push({ template: slug, versionId: version.id, definition: version.definition, count, until: now });
  }
  const seeded = await seedResponses(db, plans, seededRandom(seed));
  return { ...seeded, ms: Math.round(performance.now() - started) };
}
