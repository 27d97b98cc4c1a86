// First start: bring the schema up to date and, on an empty database, add
// the demo organisation, its three open surveys and three demo staff accounts.
import { type Database, newId, organisations, questionnaires, questionnaireVersions, type StaffRole } from '@safer-voices/db';
import { migrateDatabase } from '@safer-voices/db/migrate';
import { eq } from 'drizzle-orm';
import { QuestionnaireDefinitionSchema } from '@safer-voices/survey';
import { templates } from '@safer-voices/survey/templates';
import { hashPassword } from './auth/passwords';
import { DEMO_PRIVACY } from './demo/demo-privacy';
import { seedDemoResponses } from './demo/seed-responses';
import { seedDemoSeries } from './demo/seed-series';
import { seedDemoVotes } from './demo/seed-votes';
import { newStaffStatements } from './store/staff';

export const DEMO_ORGANISATION = { slug: 'demo', name: 'Safer Somerset Violence Reduction Partnership (demo)' };

/**
 * Sign-in details for the demo staff, stated in the README and printed by
 * `npm start`. They exist only in a database the demo seed created; a real
 * deployment makes its first admin with `npm run admin -- create`.
 */
export const DEMO_STAFF = {
  password: 'demo-password-2026',
  accounts: [
    { email: 'officer@demo.safervoices.test', name: 'Demo Officer', roles: ['officer'] },
    { email: 'admin@demo.safervoices.test', name: 'Demo Admin', roles: ['admin'] },
    { email: 'safeguarding@demo.safervoices.test', name: 'Demo Safeguarding Lead', roles: ['safeguarding_lead'] },
    { email: 'analyst@demo.safervoices.test', name: 'Demo Analyst', roles: ['analyst'] },
    // A second analyst, so double coding can be tried with the demo.
    { email: 'analyst2@demo.safervoices.test', name: 'Demo Second Analyst', roles: ['analyst'] },
    // Strategy authors compose consultation reports from the figures.
    { email: 'author@demo.safervoices.test', name: 'Demo Strategy Author', roles: ['author'] }
  ]
} as const satisfies { password: string; accounts: { email: string; name: string; roles: StaffRole[] }[] };

async function demoStaffStatements(db: Database, organisationId: string) {
  const hashes = await Promise.all(DEMO_STAFF.accounts.map(() => hashPassword(DEMO_STAFF.password)));
  return DEMO_STAFF.accounts.flatMap((account, i) => newStaffStatements(db, { ...account, organisationId, passwordHash: hashes[i] ?? '' }).statements);
}

export async function seedDemo(db: Database): Promise<boolean> {
  const existing = await db.select({ id: organisations.id }).from(organisations).limit(1);
  if (existing.length > 0) return false;
  const organisationId = newId();
  const now = new Date();
  const statements = templates.map(({ slug, definition }) => {
    const questionnaireId = newId();
    return [
      db.insert(questionnaires).values({ id: questionnaireId, organisationId, slug, ...DEMO_PRIVACY }),
      db.insert(questionnaireVersions).values({
        id: newId(),
        questionnaireId,
        version: 1,
        definition: QuestionnaireDefinitionSchema.parse(definition),
        publishedAt: now
      })
    ] as const;
  });
  const staff = await demoStaffStatements(db, organisationId);
  await db.batch([db.insert(organisations).values({ id: organisationId, ...DEMO_ORGANISATION }), ...statements.flat(), ...staff]);
  return true;
}

/** `demoResponses`: with new demo content, also add coded synthetic responses (see demo/seed-responses.ts). */
export async function setupDatabase(db: Database, { seed = true, demoResponses = false } = {}): Promise<{ seeded: boolean }> {
  await migrateDatabase(db);
  const seeded = seed ? await seedDemo(db) : false;
  if (seeded && demoResponses) {
    await seedDemoResponses(db);
    const [demo] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, DEMO_ORGANISATION.slug));
    if (demo) await seedDemoSeries(db, demo.id);
    if (demo) await seedDemoVotes(db, demo.id);
  }
  return { seeded };
}
