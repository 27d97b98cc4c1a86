// Starting and stopping the servers a load benchmark measures, and the CPU
// time each used: shared by the ingest and votes benchmarks.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type autocannon from 'autocannon';

// One process, so a kill reaches the server itself (the tsx CLI would start a child).
const tsx = import.meta.resolve('tsx');

export function startServer(script: string, env: Record<string, string>, ready: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.on('data', (chunk: Buffer) => {
      if (ready.test(chunk.toString())) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited early with code ${code}`)));
  });
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** CPU seconds (user + system, all threads) a child has used so far; Linux only, else null. */
function cpuSeconds(child: ChildProcess): number | null {
  const path = `/proc/${child.pid}/stat`;
  if (!existsSync(path)) return null;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A load run against a child, with the server CPU microseconds it cost per request. */
export async function measured(child: ChildProcess, run: () => Promise<autocannon.Result>) {
  const before = cpuSeconds(child);
  const result = await run();
  const after = cpuSeconds(child);
  const cpuMicrosPerRequest = before === null || after === null ? null : Math.round(((after - before) * 1e6) / Math.max(1, result.requests.total));
  return { result, cpuMicrosPerRequest };
}
