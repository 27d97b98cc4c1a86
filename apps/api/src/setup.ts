// First start: bring the schema up to date and, on an empty database, add
// the demo organisation and its three open surveys.
import { randomUUID } from 'node:crypto';
import { type Database, organisations, questionnaires, questionnaireVersions } from '@safer-voices/db';
import { migrateDatabase } from '@safer-voices/db/migrate';
import { QuestionnaireDefinitionSchema } from '@safer-voices/survey';
import { templates } from '@safer-voices/survey/templates';

export const DEMO_ORGANISATION = { slug: 'demo', name: 'Safer Somerset Violence Reduction Partnership (demo)' };

export async function seedDemo(db: Database): Promise<boolean> {
  const existing = await db.select({ id: organisations.id }).from(organisations).limit(1);
  if (existing.length > 0) return false;
  const organisationId = randomUUID();
  const now = new Date();
  const statements = templates.map(({ slug, definition }) => {
    const questionnaireId = randomUUID();
    return [
      db.insert(questionnaires).values({ id: questionnaireId, organisationId, slug }),
      db.insert(questionnaireVersions).values({
        id: randomUUID(),
        questionnaireId,
        version: 1,
        definition: QuestionnaireDefinitionSchema.parse(definition),
        publishedAt: now
      })
    ] as const;
  });
  await db.batch([db.insert(organisations).values({ id: organisationId, ...DEMO_ORGANISATION }), ...statements.flat()]);
  return true;
}

export async function setupDatabase(db: Database, { seed = true } = {}): Promise<{ seeded: boolean }> {
  await migrateDatabase(db);
  return { seeded: seed ? await seedDemo(db) : false };
}
