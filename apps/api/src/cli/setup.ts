// `db:setup` (migrate, then seed demo content into an empty database) and
// `db:migrate` (--no-seed). Uses DATABASE_URL like everything else.
import { openDatabase } from '@safer-voices/db';
import { databaseConfig } from '../config';
import { DEMO_STAFF, setupDatabase } from '../setup';

const { DATABASE_URL, DATABASE_AUTH_TOKEN } = databaseConfig();
const database = await openDatabase(DATABASE_URL, DATABASE_AUTH_TOKEN);
const { seeded } = await setupDatabase(database.db, { seed: !process.argv.includes('--no-seed'), demoResponses: true });
console.log(`[safer-voices] database ${database.url.replace(/\/\/[^@]*@/, '//')} is up to date${seeded ? '; demo content added' : ''}`);

// The demo accounts exist only in a database the demo seed made.
const [officer] = DEMO_STAFF.accounts;
const demo = await database.client.execute({ sql: 'SELECT 1 FROM staff WHERE email = ?', args: [officer.email] });
if (demo.rows.length > 0) {
  console.log('[safer-voices] demo staff sign-in (the same password for each):', DEMO_STAFF.password);
  for (const account of DEMO_STAFF.accounts) console.log(`[safer-voices]   ${account.email} (${account.roles.join(', ')})`);
}
database.close();
