// A real API process (src/server.ts, as `pnpm --filter @safer-voices/api
// serve` runs it) for tests that need a node they can kill. It runs under
// `node --import tsx` rather than the tsx command, so the process killed is
// the server itself and not a wrapper that would leave it running.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForOk } from './sqld';

const apiFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ApiNode {
  name: string;
  /** http://127.0.0.1:<port>/api */
  api: string;
  process: ChildProcess;
  /** What the process printed, for a failing test to show. */
  output(): string;
  /** Kills the process and waits until it has gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startApiNode(name: string, env: Record<string, string>): Promise<ApiNode> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiFolder,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // The last few kilobytes are enough to see why a node failed.
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const node: ApiNode = {
    name,
    api: `http://127.0.0.1:${port}/api`,
    process: child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    }
  };
  try {
    // Starting compiles the API with tsx, which takes a while on a busy machine.
    await waitForOk(`${node.api}/health`, 45_000, () => child.exitCode === null);
  } catch (error) {
    await node.kill();
    throw new Error(`API node ${name} did not start: ${error instanceof Error ? error.message : error}\n${output}`);
  }
  return node;
}
