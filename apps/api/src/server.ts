// The API on its own (no web pages), for running API nodes behind a load
// balancer: `npm run api` or `pnpm --filter @safer-voices/api serve`.
import { serve } from '@hono/node-server';
import { openDatabase } from '@safer-voices/db';
import { createApp } from './app';
import { startBackgroundCoder } from './coding/background-coder';
import { CoderHeartbeat } from './coding/coder-heartbeat';
import { backgroundWorkWanted } from './background-work';
import { type Config, ConfigError, config as checkedConfig } from './config';
import { startNotifier } from './notify/notifier';
import { startNetworkSweeper } from './votes/network-sweep';

let config: Config;
try {
  config = checkedConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[safer-voices] ${error.message}`);
  process.exit(1);
}
const { PORT: port, HOST: hostname, DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken } = config;
const database = await openDatabase(url, authToken);
const heartbeat = new CoderHeartbeat();
const app = createApp({ database, coderHeartbeat: heartbeat });
// The coder has a connection of its own, so it never interleaves with requests on one.
// So does the notifier, which announces new safeguarding flags (PUBLIC_URL, SMTP_URL, MAIL_FROM).
const background = backgroundWorkWanted(config)
  ? [startBackgroundCoder(await openDatabase(database.url, authToken), { heartbeat }), startNotifier(await openDatabase(database.url, authToken)), startNetworkSweeper(database)]
  : [];
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`[safer-voices] API listening on http://${info.address}:${info.port}/api`);
});

function shutdown() {
  server.close(async () => {
    await Promise.all(background.map((work) => work.stop()));
    database.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
