import type { Database } from '@safer-voices/db';
import type { ResponseWriter } from './ingest/response-writer';

/** What every handler can reach through `c.var`. */
export interface Env {
  Variables: {
    db: Database;
    writer: ResponseWriter;
  };
}
