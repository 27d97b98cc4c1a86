#!/usr/bin/env node
// Entry point for the README's commands (`npm start`, `npm test`, …).
// It must run on the oldest Node a fresh machine may have, so it is plain
// JavaScript with no dependencies. It brings a supported Node and pnpm from
// the npm registry into .tools/ when needed, then hands over to pnpm scripts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tools = join(root, '.tools');
const NODE_VERSION = '24.21.0';
const PNPM_VERSION = '10.34.8';
const MIN_NODE = [22, 18];

const commands = {
  start: ['run', 'start:product'],
  // `npm run dev [-- --port 5174]`: vite's dev server with live reload, on the same database as `npm start`.
  dev: ['run', 'start:dev'],
  test: ['run', 'test:all'],
  api: ['run', 'start:api'],
  themes: ['--filter', '@safer-voices/themes', 'run', 'cli'],
  bench: null, // chosen by its first argument, see benchmarks below
  'db:migrate': ['--filter', '@safer-voices/api', 'run', 'db:migrate'],
  // `npm run admin -- create --email … --org …`: the first admin of a real deployment.
  admin: ['--silent', '--filter', '@safer-voices/api', 'run', 'admin'],
  // `npm run report -- --questionnaire SLUG --format docx|easy-read-docx|pdf|html --out FILE`: a report with the default sections.
  report: ['--silent', '--filter', '@safer-voices/api', 'run', 'report']
};

// `npm run bench -- NAME`: each benchmark lives in the package it measures (package, script).
const benchmarks = {
  ingest: ['@safer-voices/api', 'bench'],
  themes: ['@safer-voices/themes', 'bench'],
  insights: ['@safer-voices/api', 'bench:insights'],
  reports: ['@safer-voices/api', 'bench:reports'],
  votes: ['@safer-voices/api', 'bench:votes']
};

const [command, ...rest] = process.argv.slice(2);
if (command === 'bench') {
  const [name, ...args] = rest;
  if (!benchmarks[name]) {
    console.error(`Name a benchmark: npm run bench -- <${Object.keys(benchmarks).join('|')}>`);
    process.exit(2);
  }
  commands.bench = ['--filter', benchmarks[name][0], 'run', benchmarks[name][1]];
  rest.splice(0, rest.length, ...args);
}
if (!(command in commands)) {
  console.error(`Unknown command "${command ?? ''}". Use one of: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}

function run(bin, args, env = process.env) {
  const result = spawnSync(bin, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function nodeIsSupported(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

// The node-<platform>-<arch> packages carry the official Node binaries.
const nodePackage = `node-${process.platform}-${process.arch}`;
const wanted = { pnpm: PNPM_VERSION };
if (!nodeIsSupported(process.versions.node)) wanted[nodePackage] = NODE_VERSION;

/** Installs the wanted tools together (a partial npm install would prune the rest). */
function ensureTools() {
  const missing = Object.keys(wanted).filter((name) => !existsSync(join(tools, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return;
  console.log(`[safer-voices] installing ${missing.join(', ')} into .tools/ from the npm registry…`);
  mkdirSync(tools, { recursive: true });
  writeFileSync(join(tools, 'package.json'), `${JSON.stringify({ private: true, dependencies: wanted }, null, 2)}\n`);
  const status = run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', tools]);
  if (status !== 0) process.exit(status);
}

function supportedNode() {
  if (!wanted[nodePackage]) return process.execPath;
  return join(tools, 'node_modules', nodePackage, 'bin', 'node');
}

function pnpmEntry() {
  return join(tools, 'node_modules', 'pnpm', 'bin', 'pnpm.cjs');
}

ensureTools();
const node = supportedNode();
const pnpm = pnpmEntry();

// Tools that look for `pnpm` on PATH (turbo does) find this one.
const shims = join(tools, 'bin');
mkdirSync(shims, { recursive: true });
writeFileSync(join(shims, 'pnpm'), `#!/bin/sh\nexec "${node}" "${pnpm}" "$@"\n`, { mode: 0o755 });

const env = {
  ...process.env,
  // Children (pnpm, vite, vitest, the server) use the supported Node and pnpm.
  PATH: `${shims}:${dirname(node)}:${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1'
};

const install = run(node, [pnpm, 'install', '--frozen-lockfile', '--reporter=append-only'], env);
if (install !== 0) process.exit(install);
process.exit(run(node, [pnpm, ...commands[command], ...rest], env));
