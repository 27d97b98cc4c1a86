// The admin command, run as a person would run it, on a temporary database.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
let url: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'safer-voices-admin-'));
  url = `file:${join(dir, 'admin.db')}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function admin(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(join(apiDir, 'node_modules/.bin/tsx'), ['src/cli/admin.ts', ...args], { cwd: apiDir, env: { ...process.env, DATABASE_URL: url } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    );
    child.stdin?.end(stdin ?? '');
  });
}

async function staffCount() {
  const database = await openDatabase(url);
  try {
    return Number((await database.client.execute('SELECT count(*) AS n FROM staff')).rows[0]?.n);
  } finally {
    database.close();
  }
}

describe('npm run admin -- create', () => {
  it('makes the organisation and its admin, who can sign in with the password printed once', async () => {
    const run = await admin(['create', '--email', 'Chief@Example.org', '--org', 'Safer Example VRP', '--name', 'Chris Chief']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Organisation: Safer Example VRP (created, /safer-example-vrp)');
    const password = run.stdout.match(/Password \(shown once[^:]*\): (\S+)/)?.[1];
    expect(password).toMatch(/^[\w-]{24}$/);

    const database = await openDatabase(url);
    try {
      const res = await createApp({ database }).request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'chief@example.org', password, mode: 'bearer' })
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ staff: { name: 'Chris Chief' }, roles: ['admin'], organisation: { name: 'Safer Example VRP' } });
    } finally {
      database.close();
    }
  }, 30_000);

  it('refuses an e-mail address that already has an account, and changes nothing', async () => {
    const run = await admin(['create', '--email', 'chief@example.org', '--org', 'Another VRP']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is already an account for chief@example.org');
    expect(await staffCount()).toBe(1);
  }, 30_000);

  it('refuses an invalid e-mail address with the usage, and changes nothing', async () => {
    const run = await admin(['create', '--email', 'not-an-address', '--org', 'Another VRP']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--email: Enter an e-mail address');
    expect(run.stderr).toContain('Usage: npm run admin -- create');
    expect(await staffCount()).toBe(1);
  }, 30_000);

  it('takes a password from standard input, refusing a weak one', async () => {
    const weak = await admin(['create', '--email', 'deputy@example.org', '--org', 'Safer Example VRP', '--password-stdin'], 'password1234\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too common/);
    const good = await admin(['create', '--email', 'deputy@example.org', '--org', 'Safer Example VRP', '--password-stdin'], 'a very long deputy passphrase\n');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('Safer Example VRP (existing');
    expect(good.stdout).not.toContain('Password');
    expect(await staffCount()).toBe(2);
    // Two runs of the command, each starting Node and tsx.
  }, 90_000);
});
