import { openDatabase } from '@safer-voices/db';
import { createApp } from './app';
import { backgroundWorkWanted } from './background-work';
import { startBackgroundCoder } from './coding/background-coder';
import { CoderHeartbeat } from './coding/coder-heartbeat';
import { databaseConfig } from './config';
import { startNotifier } from './notify/notifier';
import { startNetworkSweeper } from './votes/network-sweep';

export { type AppOptions, type AppType, createApp } from './app';
export { isCrossSiteRequest } from './auth/cross-site';
export { codeOutstanding } from './coding/code-outstanding';
export { DEMO_ORGANISATION, DEMO_STAFF } from './setup';
export { MINIMUM_SUPPRESSION_THRESHOLD } from './store/organisation-settings';
export type { QuestionnaireDetails, QuestionnaireSummary } from './routes/questionnaires';
export type * from './explore/types';
// Why a withheld figure is withheld, in words: one rule for every page that shows figures.
export { type WithheldNote, type WithheldRule, withheldNote, withheldNotes, withheldRule, withheldRuleInWords } from '@safer-voices/insights';

/**
 * The API on the database named by DATABASE_URL (the embedded file by
 * default). The server that hosts it starts the background coder, which codes
 * new free-text answers, and the notifier of new safeguarding flags, once it
 * is really serving (not while a build imports it, nor in unit tests), unless
 * BACKGROUND_WORK=off.
 */
export async function openApi(url?: string) {
  const { DATABASE_URL, DATABASE_AUTH_TOKEN: authToken } = databaseConfig();
  const database = await openDatabase(url ?? DATABASE_URL, authToken);
  const heartbeat = new CoderHeartbeat();
  return {
    app: createApp({ database, coderHeartbeat: heartbeat }),
    // The coder gets a connection of its own: its reads and batches never
    // interleave with a request's on one connection. So does the notifier,
    // which announces new safeguarding flags.
    startBackgroundCoding: async () => {
      if (!backgroundWorkWanted()) return { stop: async () => {} };
      const coder = startBackgroundCoder(await openDatabase(database.url, authToken), { heartbeat });
      const notifier = startNotifier(await openDatabase(database.url, authToken));
      const sweeper = startNetworkSweeper(database);
      return { stop: () => Promise.all([coder.stop(), notifier.stop(), sweeper.stop()]).then(() => undefined) };
    }
  };
}
