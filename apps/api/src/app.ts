// The API as one Hono app. createApp() is used by the tests, the standalone
// server and the web app (mounted under /api in the same process).
import type { DatabaseHandle } from '@safer-voices/db';
import { Hono } from 'hono';
import { refuseCrossSiteRequests } from './auth/cross-site';
import type { CoderHeartbeat } from './coding/coder-heartbeat';
import type { Env } from './env';
import { notFound, onError } from './errors';
import { createResponseWriter, type ResponseWriter } from './ingest/response-writer';
import { authRoute } from './routes/auth';
import { codebookRoute } from './routes/codebook';
import { codingRoute } from './routes/coding-jobs';
import { collectionsRoute } from './routes/collections';
import { designerRoute } from './routes/designer';
import { draftsRoute } from './routes/drafts';
import { exploreRoute } from './routes/explore';
import { exploreListRoute } from './routes/explore-list';
import { healthRoute } from './routes/health';
import { organisationsRoute } from './routes/organisations';
import { publicReportsRoute } from './routes/public-reports';
import { questionnairesRoute } from './routes/questionnaires';
import { reportExportsRoute } from './routes/report-exports';
import { reportsRoute } from './routes/reports';
import { responsesRoute } from './routes/responses';
import { reviewRoute } from './routes/review';
import { safeguardingRoute } from './routes/safeguarding';
import { seriesRoute } from './routes/series';
import { seriesWeightingRoute } from './routes/series-weighting';
import { settingsRoute } from './routes/settings';
import { staffRoute } from './routes/staff';
import { strategyRoute } from './routes/strategy';
import { publicVotesRoute } from './routes/public-votes';
import { votesRoute } from './routes/votes';
import { securityHeaders } from './security-headers';
import { type BallotWriter, createBallotWriter } from './votes/ballot-writer';

export interface AppOptions {
  database: DatabaseHandle;
  writer?: ResponseWriter;
  ballots?: BallotWriter;
  /** Beaten by the background coder the hosting server starts (see index.ts); without one, health says it is not running. */
  coderHeartbeat?: CoderHeartbeat;
}

export function createApp({ database, writer = createResponseWriter(database.writes, database.client), ballots = createBallotWriter(database.writes), coderHeartbeat }: AppOptions) {
  const app = new Hono<Env>()
    // Outermost, and before the base path: every answer gets them, errors and 404s anywhere included.
    .use(securityHeaders)
    .basePath('/api')
    .use(refuseCrossSiteRequests)
    .use(async (c, next) => {
      c.set('db', database.db);
      c.set('writer', writer);
      c.set('ballots', ballots);
      c.set('writes', database.writes);
      c.set('coderHeartbeat', coderHeartbeat);
      await next();
    })
    .route('/health', healthRoute)
    .route('/questionnaires', questionnairesRoute)
    .route('/responses', responsesRoute)
    .route('/drafts', draftsRoute)
    .route('/auth', authRoute)
    .route('/staff', staffRoute)
    .route('/organisations', organisationsRoute)
    .route('/designer', designerRoute)
    .route('/coding', codingRoute)
    .route('/safeguarding', safeguardingRoute)
    .route('/explore', exploreRoute)
    .route('/explore-list', exploreListRoute)
    .route('/review', reviewRoute)
    .route('/codebook', codebookRoute)
    .route('/settings', settingsRoute)
    .route('/collections', collectionsRoute)
    .route('/series', seriesRoute)
    .route('/series', seriesWeightingRoute)
    .route('/strategy', strategyRoute)
    .route('/reports', reportsRoute)
    .route('/reports', reportExportsRoute)
    .route('/public', publicReportsRoute)
    .route('/votes', votesRoute)
    .route('/public/votes', publicVotesRoute);
  app.onError(onError);
  app.notFound(notFound);
  return app;
}

export type AppType = ReturnType<typeof createApp>;
