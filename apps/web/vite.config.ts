import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const WORKER = 'write-thread.worker.mjs';

/**
 * The database's writer thread is a plain JavaScript file loaded with
 * `new URL('./write-thread.worker.mjs', import.meta.url)`. Vite leaves that
 * alone in server code, so put the file beside whichever chunk refers to it.
 */
function copyWriteThreadWorker(): Plugin {
  const source = readFileSync(new URL(`../../packages/db/src/${WORKER}`, import.meta.url), 'utf8');
  return {
    name: 'safer-voices:write-thread-worker',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes(WORKER)) {
          const fileName = `${dirname(chunk.fileName)}/${WORKER}`.replace(/^\.\//, '');
          if (!bundle[fileName]) this.emitFile({ type: 'asset', fileName, source });
        }
      }
    }
  };
}

export default defineConfig({
  plugins: [
    sveltekit({
      compilerOptions: { runes: true },
      adapter: adapter({ precompress: true }),
      // SvelteKit's own origin check runs before the handle hook, on /api too:
      // it answered API clients in plain text and refused bearer-signed
      // uploads without an Origin. The hook and the API keep one rule
      // instead (apps/api/src/auth/cross-site.ts).
      csrf: { trustedOrigins: ['*'] }
    }),
    copyWriteThreadWorker()
  ],
  // The API and its packages are TypeScript source in the workspace; the
  // libSQL client (a native module) stays external and is loaded at run time.
  ssr: { noExternal: [/^@safer-voices\//] },
  test: { include: ['src/**/*.test.ts'] }
});
