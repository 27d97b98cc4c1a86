// `npm run admin -- create --email E --org "Name" [--name N] [--hub SLUG] [--password-stdin]`
// Makes the first admin of a real deployment (and the organisation, if it
// does not exist yet). Everything is written in one batch, so a failure
// leaves nothing behind. Uses DATABASE_URL like everything else.
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { type Database, newId, openDatabase, organisations } from '@safer-voices/db';
import { migrateDatabase } from '@safer-voices/db/migrate';
import { eq } from 'drizzle-orm';
import { auditStatement } from '../auth/audit';
import { passwordProblem } from '../auth/password-rules';
import { generatePassword, hashPassword } from '../auth/passwords';
import { databaseConfig } from '../config';
import { EmailSchema, findStaffByEmail, newStaffStatements, StaffNameSchema } from '../store/staff';

const USAGE = `Usage: npm run admin -- create --email EMAIL --org "ORGANISATION NAME" [--name "YOUR NAME"] [--hub HUB_SLUG] [--password-stdin]

  --email           the admin's e-mail address (their sign-in name)
  --org             the organisation; made if no organisation has this name's address yet
  --name            the admin's name (default: the part of the e-mail before @)
  --hub             when the organisation is new, the address (slug) of the hub it is a local partnership of
  --password-stdin  read the password from standard input instead of generating one`;

class UsageError extends Error {}

const slugFor = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

function readOptions(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      hub: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    }
  });
  if (values.help) return null;
  if (positionals[0] !== 'create' || positionals.length > 1) throw new UsageError('Say what to do: create');
  const email = EmailSchema.safeParse(values.email ?? '');
  if (!email.success) throw new UsageError(`--email: ${email.error.issues[0]?.message ?? 'not an e-mail address'}`);
  const org = (values.org ?? '').trim();
  if (!org || !slugFor(org)) throw new UsageError('--org: give the organisation\'s name, e.g. --org "Safer Somerset VRP"');
  const name = StaffNameSchema.safeParse(values.name ?? email.data.split('@')[0]);
  if (!name.success) throw new UsageError(`--name: ${name.error.issues[0]?.message}`);
  return { email: email.data, org, name: name.data, hub: values.hub, passwordFromStdin: values['password-stdin'] };
}

async function findOrganisationBySlug(db: Database, slug: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return row ?? null;
}

async function create(db: Database, options: NonNullable<ReturnType<typeof readOptions>>) {
  if (await findStaffByEmail(db, options.email)) throw new UsageError(`There is already an account for ${options.email}`);
  const password = options.passwordFromStdin ? (await text(process.stdin)).replace(/\r?\n$/, '') : generatePassword();
  const problem = passwordProblem(password, options.email);
  if (problem) throw new UsageError(`The password from standard input is not acceptable: ${problem}`);

  const slug = slugFor(options.org);
  const existing = await findOrganisationBySlug(db, slug);
  const hub = options.hub ? await findOrganisationBySlug(db, options.hub) : null;
  if (options.hub && !existing && (!hub || hub.parentId)) throw new UsageError(`--hub: there is no hub organisation at "${options.hub}"`);
  const organisationId = existing?.id ?? newId();
  const account = newStaffStatements(db, {
    organisationId,
    email: options.email,
    name: options.name,
    passwordHash: await hashPassword(password),
    roles: ['admin']
  });
  const adminStatements = [
    ...account.statements,
    auditStatement(db, { organisationId, actorStaffId: null, action: 'staff.admin_created', target: { type: 'staff', id: account.id }, detail: { via: 'admin command' } })
  ] as const;
  // One batch: the organisation, the account, its role and the audit entry are written together or not at all.
  await (existing ? db.batch(adminStatements) : db.batch([db.insert(organisations).values({ id: organisationId, slug, name: options.org, parentId: hub?.id ?? null }), ...adminStatements]));
  console.log(existing ? `Organisation: ${existing.name} (existing, /${slug})` : `Organisation: ${options.org} (created, /${slug}${hub ? `, a partnership of ${hub.name}` : ''})`);
  console.log(`Admin: ${options.name} <${options.email}>`);
  if (!options.passwordFromStdin) console.log(`Password (shown once; keep it somewhere safe): ${password}`);
}

async function main() {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(process.argv.slice(2).filter((arg) => arg !== '--'));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const { DATABASE_URL, DATABASE_AUTH_TOKEN } = databaseConfig();
  const database = await openDatabase(DATABASE_URL, DATABASE_AUTH_TOKEN);
  try {
    await migrateDatabase(database.db);
    await create(database.db, options);
    return 0;
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : `Nothing was changed: ${(error as Error).message}`);
    return 1;
  } finally {
    database.close();
  }
}

process.exitCode = await main();
