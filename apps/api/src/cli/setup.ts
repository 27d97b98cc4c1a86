// `db:setup` (migrate, then seed demo content into an empty database) and
// `db:migrate` (--no-seed). Uses DATABASE_URL like everything else.
import { openDatabase } from '@safer-voices/db';
import { setupDatabase } from '../setup';

const database = await openDatabase();
const { seeded } = await setupDatabase(database.db, { seed: !process.argv.includes('--no-seed') });
console.log(`[safer-voices] database ${database.url.replace(/\/\/[^@]*@/, '//')} is up to date${seeded ? '; demo content added' : ''}`);
database.close();
