// Staff accounts and their roles. E-mail addresses are stored lower-cased so
// sign-in and uniqueness ignore case.
import { type Database, newId, organisations, STAFF_ROLES, type StaffRole, staff, staffRoles } from '@safer-voices/db';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Enter an e-mail address like name@example.org'))
  .transform((email) => email.toLowerCase());

export const RoleSchema = z.enum(STAFF_ROLES);
export const RolesSchema = z
  .array(RoleSchema)
  .min(1, 'Choose at least one role')
  .transform((roles) => [...new Set(roles)].sort());

export const StaffNameSchema = z.string().trim().min(1, 'Enter a name').max(120);

export interface StaffAccount {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  passwordHash: string;
  disabledAt: Date | null;
  createdAt: Date;
  roles: StaffRole[];
}

async function withRoles(db: Database, rows: Omit<StaffAccount, 'roles'>[]): Promise<StaffAccount[]> {
  if (rows.length === 0) return [];
  const granted = await db
    .select()
    .from(staffRoles)
    .where(
      inArray(
        staffRoles.staffId,
        rows.map((r) => r.id)
      )
    );
  return rows.map((row) => ({
    ...row,
    roles: granted
      .filter((g) => g.staffId === row.id)
      .map((g) => g.role)
      .sort()
  }));
}

export async function findStaffByEmail(db: Database, email: string): Promise<StaffAccount | null> {
  const rows = await db.select().from(staff).where(eq(staff.email, email.toLowerCase())).limit(1);
  return (await withRoles(db, rows))[0] ?? null;
}

export async function findStaffById(db: Database, id: string): Promise<StaffAccount | null> {
  const rows = await db.select().from(staff).where(eq(staff.id, id)).limit(1);
  return (await withRoles(db, rows))[0] ?? null;
}

export async function listStaff(db: Database, organisationId: string): Promise<StaffAccount[]> {
  const rows = await db.select().from(staff).where(eq(staff.organisationId, organisationId)).orderBy(asc(staff.name), asc(staff.email));
  return withRoles(db, rows);
}

/** Statements that add an account with its roles, for one batch with whatever else must happen with it. */
export function newStaffStatements(db: Database, account: { organisationId: string; email: string; name: string; passwordHash: string; roles: readonly StaffRole[] }) {
  const id = newId();
  const insertStaff = db.insert(staff).values({
    id,
    organisationId: account.organisationId,
    email: account.email.toLowerCase(),
    name: account.name,
    passwordHash: account.passwordHash
  });
  const insertRoles = db.insert(staffRoles).values(account.roles.map((role) => ({ staffId: id, role })));
  return { id, statements: [insertStaff, insertRoles] as const };
}

/** What staff may see of an account: never the password hash. */
export const publicStaff = (account: StaffAccount) => ({
  id: account.id,
  organisationId: account.organisationId,
  email: account.email,
  name: account.name,
  roles: account.roles,
  createdAt: account.createdAt.toISOString(),
  disabled: account.disabledAt !== null
});

export async function findOrganisation(db: Database, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row ?? null;
}

export const publicOrganisation = (row: typeof organisations.$inferSelect) => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  parentId: row.parentId
});
