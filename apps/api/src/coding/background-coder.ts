// The background coder: one loop per API process that codes new answers
// (coding on arrival), each with its organisation's coder, and then works
// through retraining and re-coding jobs, a chunk at a time. It only reads
// what the ingest path has committed and writes its own tables, so
// submissions are acknowledged exactly as before.
import { type DatabaseHandle, firstIdAt } from '@safer-voices/db';
import type { Coder } from '@safer-voices/themes';
import { type BackgroundLoop, startBackgroundLoop } from '../background-loop';
import { codeOutstanding } from './code-outstanding';
import type { CoderHeartbeat } from './coder-heartbeat';
import { JobChunkError, recordJobError, runRecodeChunk } from './recode-job';
import { runRetrainJob } from './retrain-job';
import { serverLoad, shouldDefer, type YieldState } from './yield-to-requests';

/** The largest share of the serving thread's time the coder takes while there is a backlog. */
export const CODING_SHARE = 0.2;

export interface BackgroundCoderOptions {
  /** Pause between passes when there is nothing left to do. */
  intervalMs?: number;
  /**
   * Responses coded per slice. Coding runs on the thread that serves requests,
   * so slices stay small (a few milliseconds) to keep respondents waiting as
   * little as possible while a backlog is worked through.
   */
  chunk?: number;
  coder?: Coder;
  /** Wait while the server is busy with requests (see yield-to-requests.ts); on by default. */
  yieldToRequests?: boolean;
  /** Told that the loop is alive, for GET /api/health. */
  heartbeat?: CoderHeartbeat;
}

export type BackgroundCoder = BackgroundLoop;

// Group commit may store a response a little after a later-made id, so each
// pass looks back this far behind the last pass that caught up.
const LOOK_BACK_MS = 5 * 60_000;
// Now and then a pass looks at every response again, so one stored later
// than that (or left uncoded by a crash between writes) is coded all the same.
const FULL_SWEEP_MS = 10 * 60_000;
const FAILURES_BEFORE_GIVING_UP = 5;
// How often a coder that is waiting for a busy server looks again.
const BUSY_CHECK_MS = 250;
// After failures the loop waits longer each time (up to a minute), so a broken
// coder or database is reported without flooding the log.
const LONGEST_WAIT_MS = 60_000;

export function startBackgroundCoder(database: Pick<DatabaseHandle, 'db'>, { intervalMs = 500, chunk = 20, coder, yieldToRequests = true, heartbeat }: BackgroundCoderOptions = {}): BackgroundCoder {
  // Empty at first: the first passes after a start look at every response.
  let sinceId = '';
  let sweptAt = Date.now();
  const jobFailures = new Map<string, number>();
  let failuresInARow = 0;
  const load = serverLoad();
  const yieldState: YieldState = { deferredSince: null, catchingUp: false };

  async function codeNewAnswers() {
    const passStarted = Date.now();
    // What respondents have just sent comes first: a disclosure must reach the
    // safeguarding lead within a minute, even while a large import's rows wait.
    const fromSurveys = await codeOutstanding(database, { limit: chunk, coder, surveysSubmittedSince: passStarted - LOOK_BACK_MS });
    if (fromSurveys.responses > 0) return true;
    if (passStarted - sweptAt > FULL_SWEEP_MS) {
      sinceId = '';
      sweptAt = passStarted;
    }
    const done = await codeOutstanding(database, { limit: chunk, coder, sinceId });
    // A full chunk: the next starts after it, not at the window's start again (which would
    // read every response coded since, once per chunk). One stored late behind it is found
    // when the coder catches up and looks back, or by the full sweep.
    if (done.responses < chunk) sinceId = firstIdAt(passStarted - LOOK_BACK_MS);
    else if (done.lastId) sinceId = done.lastId;
    return done.responses > 0;
  }

  async function workOnJobs() {
    // Retraining goes first: it is rare and short next to re-coding, and a
    // re-code asked for after it then uses the new model. It records its own failures.
    if (await runRetrainJob(database).catch((error) => console.error('Retraining failed', error))) return true;
    try {
      const job = await runRecodeChunk(database, { limit: chunk, coder });
      if (job) jobFailures.delete(job.id);
      return job !== null && job.status !== 'done';
    } catch (error) {
      console.error('Re-coding job chunk failed', error);
      if (error instanceof JobChunkError) {
        const { jobId } = error;
        const failures = (jobFailures.get(jobId) ?? 0) + 1;
        jobFailures.set(jobId, failures);
        await recordJobError(database.db, jobId, error, failures >= FAILURES_BEFORE_GIVING_UP);
      }
      return false;
    }
  }

  /** One pass of work; the wait (ms) before the next. */
  async function pass(): Promise<number> {
    const started = performance.now();
    let busy = false;
    let failed = false;
    try {
      busy = await codeNewAnswers();
    } catch (error) {
      failed = true;
      console.error('Coding new answers failed', error);
    }
    if (!busy && !failed) busy = await workOnJobs();
    failuresInARow = failed ? failuresInARow + 1 : 0;
    if (!busy) yieldState.catchingUp = false;
    // Requests come first: with a backlog, code for at most CODING_SHARE of
    // the time, so a burst of submissions is answered at full speed and coded
    // just after.
    const spent = performance.now() - started;
    load.restart();
    return failed ? Math.min(intervalMs * 2 ** failuresInARow, LONGEST_WAIT_MS) : busy ? spent * (1 / CODING_SHARE - 1) : intervalMs;
  }

  heartbeat?.beat();
  const loop = startBackgroundLoop(async () => {
    heartbeat?.beat();
    if (yieldToRequests && shouldDefer(yieldState, load.utilisation(), Date.now())) {
      load.restart();
      return BUSY_CHECK_MS;
    }
    return pass();
  });
  return {
    stop() {
      heartbeat?.stop();
      return loop.stop();
    }
  };
}
