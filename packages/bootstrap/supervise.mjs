#!/usr/bin/env node
// Keeps a server running: `node supervise.mjs server.js [args…]` runs
// `node server.js [args…]` as a child process and starts it again whenever it stops
// without being asked to (a crash, an abort in native code, being killed).
// A server that keeps failing is restarted after a growing wait (1 s, 2 s,
// 4 s … at most 30 s), back to 1 s once it has stayed up for a minute.
// SIGINT and SIGTERM are passed on to the server, and this process exits
// with it. Plain JavaScript with no dependencies, like run.mjs.
import { spawn } from 'node:child_process';

const FIRST_DELAY_MS = Number(process.env.SUPERVISOR_FIRST_DELAY_MS) || 1000;
const MAX_DELAY_MS = 30_000;
const STABLE_AFTER_MS = 60_000;

const nodeArgs = process.argv.slice(2);
if (nodeArgs.length === 0) {
  console.error('Usage: node supervise.mjs [node options] <script> [args…]');
  process.exit(2);
}
const name = nodeArgs.join(' ');

const log = (message) => console.error(`[safer-voices] ${new Date().toISOString()} supervisor: ${message}`);

let child = null;
let stopping = false;
let waiting = null;
let delay = FIRST_DELAY_MS;
let restarts = 0;

function start() {
  waiting = null;
  const startedAt = Date.now();
  child = spawn(process.execPath, nodeArgs, { stdio: 'inherit' });
  log(`started ${name} (pid ${child.pid})`);
  child.on('exit', (code, signal) => {
    child = null;
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    // Asked to stop, or stopped cleanly of its own accord: stop too.
    if (stopping || code === 0) {
      log(`${name} stopped (${how})`);
      process.exit(code ?? 0);
    }
    if (Date.now() - startedAt >= STABLE_AFTER_MS) delay = FIRST_DELAY_MS;
    restarts += 1;
    log(`${name} died (${how}); starting it again in ${delay / 1000} s (restart ${restarts})`);
    waiting = setTimeout(start, delay);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  });
}

function stop(signal) {
  stopping = true;
  if (waiting) {
    clearTimeout(waiting);
    process.exit(0);
  }
  child?.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

start();
