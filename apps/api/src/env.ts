import type { Database, WriteExecutor } from '@safer-voices/db';
import type { CoderHeartbeat } from './coding/coder-heartbeat';
import type { ResponseWriter } from './ingest/response-writer';
import type { BallotWriter } from './votes/ballot-writer';

/** What every handler can reach through `c.var`. */
export interface Env {
  Variables: {
    db: Database;
    writer: ResponseWriter;
    /** Podcast votes, written like responses (group commit). */
    ballots: BallotWriter;
    /** Large writes (imports) go here: on the embedded database they run on the writer thread, not this one. */
    writes: WriteExecutor;
    /** This process's background coder, when the server hosting the API started one. */
    coderHeartbeat: CoderHeartbeat | undefined;
  };
}
