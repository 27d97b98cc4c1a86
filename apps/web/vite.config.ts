import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const WORKER = 'write-thread.worker.mjs';

/**
 * The database's writer thread is a plain JavaScript file loaded with
 * `new URL('./write-thread.worker.mjs', import.meta.url)`. Vite leaves that
 * alone in server code, so put the file beside whichever chunk refers to it,
 * with its packages (libsql) imported from where packages/db finds them.
 */
function copyWriteThreadWorker(): Plugin {
  const path = fileURLToPath(new URL(`../../packages/db/src/${WORKER}`, import.meta.url));
  const source = readFileSync(path, 'utf8');
  return {
    name: 'safer-voices:write-thread-worker',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    async generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes(WORKER)) {
          const fileName = `${dirname(chunk.fileName)}/${WORKER}`.replace(/^\.\//, '');
          if (bundle[fileName]) continue;
          let code = source;
          for (const [, name] of source.matchAll(/ from '([^.'][^']*)'/g)) {
            if (!name || isBuiltin(name)) continue;
            const resolved = await this.resolve(name, path);
            if (!resolved) this.error(`${WORKER} imports ${name}, which packages/db cannot find`);
            code = code.replace(` from '${name}'`, ` from '${resolved.id}'`);
          }
          this.emitFile({ type: 'asset', fileName, source: code });
        }
      }
    }
  };
}

/**
 * The API and its packages are bundled from source, but the packages they
 * import (natural, exceljs, nodemailer, libsql…) are listed in their own
 * package.json only. In the server build those imports stay outside the
 * bundle, as the path of the file the importing package resolves, so Node
 * loads each from where its owner finds it and this app lists only the
 * packages it uses itself. (The build is made and run in place: `npm start`.)
 */
function workspaceDependenciesInPlace(): Plugin {
  const web = fileURLToPath(new URL('.', import.meta.url));
  const workspace = fileURLToPath(new URL('../../', import.meta.url));
  const isWorkspaceSource = (file: string) => file.startsWith(workspace) && !file.startsWith(web) && !file.includes('/node_modules/');
  return {
    name: 'safer-voices:workspace-dependencies',
    enforce: 'pre',
    apply: 'build',
    applyToEnvironment: (environment) => environment.name === 'ssr',
    async resolveId(source, importer) {
      if (!importer || !isWorkspaceSource(importer) || !/^(@[\w.-]+\/)?[\w.-]/.test(source)) return null;
      if (isBuiltin(source) || source.startsWith('@safer-voices/')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.includes('/node_modules/')) return null;
      return { id: resolved.id, external: 'absolute' };
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
    copyWriteThreadWorker(),
    workspaceDependenciesInPlace()
  ],
  // The API and its packages are TypeScript source in the workspace, bundled
  // in; the packages they use are loaded at run time (see above).
  ssr: { noExternal: [/^@safer-voices\//] },
  test: { include: ['src/**/*.test.ts'] }
});
