// What sign-in, accepting an invitation and /auth/me answer with: the person,
// their organisation and roles, and what the client needs to make requests.
import type { Database } from '@safer-voices/db';
import type { Context } from 'hono';
import type { Session } from './sessions';
import { csrfTokenFor } from './sessions';
import { setStaffCookie } from './staff-cookie';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { findOrganisation, publicOrganisation, type StaffAccount } from '../store/staff';
import { z } from 'zod';

/**
 * `cookie` (the default, for browsers): the session goes in the httpOnly
 * sv_staff cookie and the body carries the CSRF token for later changes.
 * `bearer` (for scripts and other API clients): the body carries the token.
 */
export const SessionModeSchema = z.enum(['cookie', 'bearer']).default('cookie');
export type SessionMode = z.infer<typeof SessionModeSchema>;

export async function describeStaff(db: Database, account: Pick<StaffAccount, 'id' | 'email' | 'name' | 'roles' | 'organisationId'>) {
  const organisation = await findOrganisation(db, account.organisationId);
  if (!organisation) throw new ApiError(404, 'organisation_not_found', 'Your organisation no longer exists');
  return {
    staff: { id: account.id, email: account.email, name: account.name },
    roles: account.roles,
    organisation: publicOrganisation(organisation)
  };
}

export async function signedInBody(c: Context<Env>, account: StaffAccount, token: string, session: Session, mode: SessionMode) {
  const described = await describeStaff(c.var.db, account);
  const expiresAt = session.expiresAt.toISOString();
  if (mode === 'bearer') return { ...described, token, expiresAt };
  setStaffCookie(c, token);
  return { ...described, csrfToken: csrfTokenFor(token), expiresAt };
}
