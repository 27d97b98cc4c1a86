// The embedded database's writer thread. Statement batches posted by the
// main thread that arrive while a commit is running are merged into the next
// transaction (group commit); each batch gets its own results back once the
// commit is durable. Plain JavaScript: it runs as-is, with no build step.
import { parentPort, workerData } from 'node:worker_threads';
import { createClient } from '@libsql/client';

const client = createClient({ url: workerData.url });
const ready = (async () => {
  await client.execute('PRAGMA journal_mode = WAL');
  await client.execute('PRAGMA synchronous = FULL');
  await client.execute('PRAGMA busy_timeout = 5000');
  await client.execute('PRAGMA foreign_keys = ON');
})();

let jobs = [];
let scheduled = false;

const plain = (result) => ({ rows: result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]]))) });

async function runTogether(batch) {
  const statements = batch.flatMap((job) => job.statements);
  const results = await client.batch(statements, 'write');
  let at = 0;
  for (const job of batch) {
    parentPort.postMessage({ id: job.id, results: results.slice(at, at + job.statements.length).map(plain) });
    at += job.statements.length;
  }
}

async function flush() {
  await ready;
  while (jobs.length > 0) {
    const batch = jobs;
    jobs = [];
    try {
      await runTogether(batch);
    } catch {
      // One job's failure must not fail the others: run each on its own.
      for (const job of batch) {
        try {
          await runTogether([job]);
        } catch (error) {
          parentPort.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
  scheduled = false;
}

parentPort.on('message', (job) => {
  jobs.push(job);
  if (!scheduled) {
    scheduled = true;
    setImmediate(flush);
  }
});
