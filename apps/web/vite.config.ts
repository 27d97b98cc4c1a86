import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit({
      compilerOptions: { runes: true },
      adapter: adapter({ precompress: true })
    })
  ],
  // The API and its packages are TypeScript source in the workspace; the
  // libSQL client (a native module) stays external and is loaded at run time.
  ssr: { noExternal: [/^@safer-voices\//] },
  test: { include: ['src/**/*.test.ts'] }
});
