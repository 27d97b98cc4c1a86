// Starts the renderer process (exports-render.ts) for one file. It runs the
// reports package from source through tsx, found beside this file when the
// API runs from source, or through the API package's workspace link when this
// code is bundled into the web server.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ReportDocument } from './model';
import type { ExportFormat } from './exports-render-file';
import type { RenderMessage, RenderRequest } from './exports-render';

function rendererScript(): string {
  const beside = fileURLToPath(new URL('./exports-render.ts', import.meta.url));
  if (existsSync(beside)) return beside;
  return join(dirname(createRequire(import.meta.url).resolve('@safer-voices/api')), 'reports', 'exports-render.ts');
}

export class RenderError extends Error {}

export interface RenderRun {
  /** Settles when the renderers are loaded in the process. */
  ready: Promise<void>;
  file: Promise<Uint8Array>;
  kill(): void;
}

/** Makes the file in a process of its own; rejects with a RenderError after `timeoutMs`. */
export function renderInChild(format: ExportFormat, document: ReportDocument, timeoutMs: number): RenderRun {
  const script = rendererScript();
  const tsx = pathToFileURL(createRequire(script).resolve('tsx')).href;
  const child: ChildProcess = fork(script, [], {
    execArgv: ['--import', tsx],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc']
  });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const file = new Promise<Uint8Array>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new RenderError(`it took longer than ${Math.round(timeoutMs / 1000)} seconds`));
    }, timeoutMs);
    timer.unref();
    const settle = (action: () => void) => {
      clearTimeout(timer);
      markReady();
      action();
    };
    child.on('message', (message: RenderMessage) => {
      if (message.type === 'ready') markReady();
      else if (message.type === 'file') settle(() => resolve(new Uint8Array(message.bytes)));
      else settle(() => reject(new RenderError(message.message)));
    });
    child.on('error', (error) => settle(() => reject(new RenderError(error.message))));
    child.on('exit', (code, signal) => settle(() => reject(new RenderError(`the renderer stopped (${signal ?? `exit code ${code}`})`))));
  });
  child.send({ format, document } satisfies RenderRequest);
  return { ready, file, kill: () => child.kill('SIGKILL') };
}
