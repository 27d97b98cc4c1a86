// Staff accounts and sessions for API tests. Sessions are made directly in
// the database where sign-in itself is not what is tested, to keep tests
// quick (each real sign-in runs scrypt).
import { randomUUID } from 'node:crypto';
import { organisations, type StaffRole } from '@safer-voices/db';
import { hashPassword } from '../auth/passwords';
import { createSession } from '../auth/sessions';
import { newStaffStatements } from '../store/staff';
import type { FreshApi } from './fresh-api';

export const TEST_PASSWORD = 'a long test password 42';
let testHash: Promise<string> | undefined;

export async function addOrganisation(api: FreshApi, name: string, parentId: string | null = null): Promise<string> {
  const id = randomUUID();
  await api.database.db.insert(organisations).values({ id, slug: `${name.toLowerCase().replace(/\W+/g, '-')}-${id.slice(0, 6)}`, name, parentId });
  return id;
}

export async function addStaff(api: Pick<FreshApi, 'database'>, organisationId: string, roles: StaffRole[], email = `${roles.join('-') || 'none'}-${randomUUID().slice(0, 8)}@test.example`) {
  testHash ??= hashPassword(TEST_PASSWORD);
  const { db } = api.database;
  const account = newStaffStatements(db, { organisationId, email, name: `Test ${roles.join(' ')}`, passwordHash: await testHash, roles });
  await db.batch([...account.statements]);
  return { id: account.id, email };
}

export async function bearerFor(api: Pick<FreshApi, 'database'>, staffId: string): Promise<Record<string, string>> {
  const { token } = await createSession(api.database.db, staffId);
  return { authorization: `Bearer ${token}` };
}

export async function demoOrganisationId(api: Pick<FreshApi, 'database'>): Promise<string> {
  const result = await api.database.client.execute("SELECT id FROM organisations WHERE slug = 'demo'");
  return String(result.rows[0]?.id);
}

export async function staffIdOf(api: FreshApi, email: string): Promise<string> {
  const result = await api.database.client.execute({ sql: 'SELECT id FROM staff WHERE email = ?', args: [email] });
  return String(result.rows[0]?.id);
}

/** Sign in through the API as a browser would, keeping the session cookie and CSRF token. */
export async function browserSignIn(api: FreshApi, email: string, password: string) {
  const res = await api.json('/api/auth/login', { email, password });
  if (res.status !== 200) throw new Error(`sign-in failed with ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
