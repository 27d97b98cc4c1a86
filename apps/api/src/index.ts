import { openDatabase } from '@safer-voices/db';
import { createApp } from './app';

export { type AppOptions, type AppType, createApp } from './app';
export { DEMO_ORGANISATION, DEMO_STAFF } from './setup';
export type { QuestionnaireDetails, QuestionnaireSummary } from './routes/questionnaires';

/** The API on the database named by DATABASE_URL (the embedded file by default). */
export async function openApi(url?: string) {
  return createApp({ database: await openDatabase(url) });
}
