// The API exactly as `npm run api` serves it, except that submissions are
// acknowledged without being stored. The ingest benchmark runs it to show the
// most the HTTP, routing and validation work alone allows on this machine:
// durable storage can only come below it.
import { serve } from '@hono/node-server';
import { openDatabase } from '@safer-voices/db';
import { createApp } from '../src/app';
import { databaseConfig } from '../src/config';
import type { ResponseWriter } from '../src/ingest/response-writer';

const acknowledgeOnly: ResponseWriter = {
  write: async (item) => ({ id: 'not-stored', versionId: item.versionId, submittedAt: new Date(), replayed: false })
};
const { DATABASE_URL, DATABASE_AUTH_TOKEN } = databaseConfig();
const app = createApp({ database: await openDatabase(DATABASE_URL, DATABASE_AUTH_TOKEN), writer: acknowledgeOnly });
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
