// Staff accounts, roles, sessions, invitations, sign-in limits and the audit log.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from './columns';
import { organisations } from './surveys';

/** What a member of staff may do; a person may hold several roles. */
export const STAFF_ROLES = ['admin', 'officer', 'analyst', 'author', 'safeguarding_lead'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A member of staff. Sign-in is by e-mail (stored lower-cased) and password. */
export const staff = sqliteTable(
  'staff',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    /** scrypt, with its salt and cost parameters (see apps/api/src/auth/passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
    /** A disabled account cannot sign in and its sessions stop working. */
    disabledAt: integer('disabled_at', { mode: 'timestamp_ms' })
  },
  (t) => [index('staff_organisation').on(t.organisationId)]
);

export const staffRoles = sqliteTable(
  'staff_roles',
  {
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    role: text('role', { enum: STAFF_ROLES }).notNull()
  },
  (t) => [primaryKey({ columns: [t.staffId, t.role] })]
);

/**
 * A signed-in session. The id is the SHA-256 of the random token the browser
 * holds, so a copy of the database cannot be used to sign in.
 */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    id: text('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    /** Absolute end, however active the session is. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** Idle sessions end a fixed time after this. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('staff_sessions_staff').on(t.staffId), index('staff_sessions_expiry').on(t.expiresAt)]
);

/** An invitation to join an organisation; the id is the SHA-256 of the link's token. */
export const staffInvites = sqliteTable(
  'staff_invites',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    roles: text('roles', { mode: 'json' }).$type<StaffRole[]>().notNull(),
    createdBy: text('created_by').references(() => staff.id),
    createdAt: createdAt(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' })
  },
  (t) => [index('staff_invites_organisation').on(t.organisationId)]
);

/**
 * Sign-ins, for rate limiting (apps/api/src/auth/login-limits.ts): failures,
 * and the last success of an (e-mail, network) pair. The key is a kind and a
 * salted hash of the e-mail, the network address or both (never either
 * itself); rows are deleted once they are too old to count.
 */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    attemptedAt: integer('attempted_at', { mode: 'timestamp_ms' }).notNull()
  },
  (t) => [index('login_attempts_key').on(t.key, t.attemptedAt), index('login_attempts_time').on(t.attemptedAt)]
);

/** Random values made once per installation and shared by every API node (e.g. the rate-limit salt). */
export const instanceSecrets = sqliteTable('instance_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt()
});

/** Who did what, when, to what: sign-in, sign-out, invitations, role changes. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** null when no signed-in person did it (the admin command, a failed sign-in). */
    actorStaffId: text('actor_staff_id').references(() => staff.id),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: createdAt()
  },
  (t) => [index('audit_log_organisation').on(t.organisationId, t.createdAt)]
);
