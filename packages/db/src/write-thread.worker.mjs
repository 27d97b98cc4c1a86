// The embedded database's writer thread. Jobs posted by the main thread that
// arrive while a commit is running are merged into the next transaction
// (group commit); each job gets its own results back once the commit is
// durable. It uses the synchronous libSQL driver directly, with statements
// prepared once and kept: the ingest path runs the same INSERT for every
// response. Plain JavaScript: it runs as-is, with no build step.
//
// Durable without waiting: the writer commits with synchronous=NORMAL (the
// commit is in the write-ahead log, safe from a crash of this process but
// not yet from a power cut) and goes on to the next transaction, while an
// fsync of the log runs beside it; a job's results go back only once an
// fsync that began after its commit has finished. One fsync covers every
// commit before it, so a slow disk no longer stops the writer (with
// synchronous=FULL each commit waited for its own). A torn tail of the log
// after a power cut is discarded by SQLite's frame checksums, and it can only
// hold commits nobody has been told about. Checkpoints stay safe: with
// NORMAL, SQLite syncs the log before copying it into the database and the
// database after.
import { closeSync, fsync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'libsql';

const path = workerData.url.replace(/^file:(\/\/)?/, '');
const db = new Database(path);
db.exec('PRAGMA journal_mode = WAL');
db.exec('PRAGMA synchronous = NORMAL');
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA foreign_keys = ON');

// Kept statements: a few fixed ones in practice; the cap only guards against
// callers that build SQL with varying numbers of placeholders.
const MOST_KEPT = 200;
const kept = new Map();
function prepared(sql) {
  let statement = kept.get(sql);
  if (!statement) {
    if (kept.size >= MOST_KEPT) kept.clear();
    statement = db.prepare(sql);
    kept.set(sql, statement);
  }
  return statement;
}
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
const rollback = db.prepare('ROLLBACK');

/** A job is either calls of statements (each returns its rows) or one statement run for many argument lists. */
function runJob(job) {
  if (job.argSets) {
    const statement = prepared(job.sql);
    for (const args of job.argSets) statement.run(args);
    return [];
  }
  // A batch: its SQL once each, and calls naming the SQL by its place (see write-thread.ts).
  return job.calls.map(([at, args]) => {
    const statement = prepared(job.sqls[at]);
    if (statement.reader) return { rows: statement.all(args) };
    statement.run(args);
    return { rows: [] };
  });
}

function runTogether(batch) {
  begin.run();
  let results;
  try {
    results = batch.map(runJob);
    commit.run();
  } catch (error) {
    if (db.inTransaction) rollback.run();
    throw error;
  }
  batch.forEach((job, i) => {
    committed.push({ id: job.id, results: results[i] });
  });
}

/** Results of committed jobs, waiting for an fsync of the log that began after their commit. */
let committed = [];
let syncing = false;

/** The log, or the database itself when there is no log (everything in it has been copied in). */
function openLog() {
  try {
    return openSync(`${path}-wal`, 'r');
  } catch (error) {
    if (error?.code !== 'ENOENT') throw error;
    return openSync(path, 'r');
  }
}

function syncThenAnswer() {
  if (syncing || committed.length === 0) return;
  syncing = true;
  const answers = committed;
  committed = [];
  const done = (error) => {
    syncing = false;
    // One message for all of them: each message wakes the main thread.
    // Committed but perhaps not on disk: the caller is told it failed, and a retry with its key finds the first.
    parentPort.postMessage(error ? answers.map((answer) => ({ id: answer.id, error: `The database could not make the write durable: ${error.message}`, code: error.code })) : answers);
    syncThenAnswer();
  };
  let fd;
  try {
    fd = openLog();
  } catch (error) {
    done(error);
    return;
  }
  fsync(fd, (error) => {
    closeSync(fd);
    done(error);
  });
}

let jobs = [];
let scheduled = false;

function flush() {
  scheduled = false;
  const batch = jobs;
  jobs = [];
  try {
    runTogether(batch);
  } catch {
    // One job's failure must not fail the others: run each on its own.
    for (const job of batch) {
      try {
        runTogether([job]);
      } catch (error) {
        // The code (such as SQLITE_CONSTRAINT_UNIQUE) goes along: callers tell refusals apart by it.
        const code = typeof error?.code === 'string' ? error.code : undefined;
        parentPort.postMessage([{ id: job.id, error: error instanceof Error ? error.message : String(error), code }]);
      }
    }
  }
  syncThenAnswer();
}

parentPort.on('message', (job) => {
  jobs.push(job);
  if (!scheduled) {
    scheduled = true;
    // Jobs that arrived during the last commit are already queued as
    // messages; let them all join this transaction.
    setImmediate(flush);
  }
});
