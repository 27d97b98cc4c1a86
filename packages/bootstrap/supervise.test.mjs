// The supervisor starts the server again after an abort (as the database
// driver's panic once caused) or a kill, and stops it, and itself, on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const supervisor = join(dirname(fileURLToPath(import.meta.url)), 'supervise.mjs');

// A stand-in server: records its pid, aborts on its first start, and on
// later starts stays up until SIGTERM, when it exits cleanly.
const SERVER = `
import { appendFileSync, readFileSync } from 'node:fs';
const pids = process.argv[2];
appendFileSync(pids, process.pid + '\\n');
if (readFileSync(pids, 'utf8').trim().split('\\n').length === 1) setTimeout(() => process.abort(), 50);
setInterval(() => {}, 1000);
process.on('SIGTERM', () => process.exit(0));
`;

let dir;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-supervise-'));
  writeFileSync(join(dir, 'server.mjs'), SERVER);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const pidsIn = (file) => {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

async function until(condition, what, timeoutMs = 15_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('starts the server again after it aborts or is killed, and stops with it on SIGTERM', async () => {
  const pids = join(dir, 'pids');
  const run = spawn(process.execPath, [supervisor, join(dir, 'server.mjs'), pids], {
    cwd: dir,
    env: { ...process.env, SUPERVISOR_FIRST_DELAY_MS: '50' },
    stdio: ['ignore', 'ignore', 'pipe']
  });
  let log = '';
  run.stderr.on('data', (chunk) => {
    log += chunk;
  });
  const exited = new Promise((resolve) => run.on('exit', (code, signal) => resolve({ code, signal })));

  // The first start aborts (as on a native panic); a second one follows.
  await until(() => pidsIn(pids).length === 2, 'a restart after the abort');
  assert.match(log, /died \(signal SIGABRT\); starting it again in 0\.05 s \(restart 1\)/);

  // Killed outright: started again, after a longer wait.
  process.kill(pidsIn(pids)[1], 'SIGKILL');
  await until(() => pidsIn(pids).length === 3, 'a restart after the kill');
  assert.match(log, /died \(signal SIGKILL\); starting it again in 0\.1 s \(restart 2\)/);

  // SIGTERM reaches the server, which stops; so does the supervisor, cleanly.
  const last = pidsIn(pids)[2];
  await until(() => log.includes(`pid ${last}`), 'the third start to be logged');
  run.kill('SIGTERM');
  assert.deepEqual(await exited, { code: 0, signal: null });
  assert.equal(alive(last), false);
  assert.equal(pidsIn(pids).length, 3);
});
