// Who is asking, and may they? requireStaff accepts a session token as
// `Authorization: Bearer <token>` or in the sv_staff cookie. A browser sends
// the cookie by itself, even on requests another site triggers, so changes
// made with the cookie must also carry the session's X-CSRF-Token header.
import type { StaffRole } from '@safer-voices/db';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { findStaffById } from '../store/staff';
import { csrfTokenMatches, verifySession } from './sessions';
import { STAFF_COOKIE } from './staff-cookie';

export interface SignedInStaff {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  roles: StaffRole[];
  sessionId: string;
  /** How the session came: a cookie needs CSRF protection and a CSRF token to hand back. */
  via: 'cookie' | 'bearer';
  sessionToken: string;
}

export interface StaffEnv extends Env {
  Variables: Env['Variables'] & { staff: SignedInStaff };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token of an `Authorization: Bearer` header, if it holds one. */
export const bearerToken = (header: string | null | undefined) => header?.match(/^Bearer\s+([A-Za-z0-9_-]{20,100})$/i)?.[1];

function presentedToken(header: string | undefined, cookie: string | undefined) {
  const bearer = bearerToken(header);
  if (bearer) return { token: bearer, via: 'bearer' as const };
  if (cookie && /^[A-Za-z0-9_-]{20,100}$/.test(cookie)) return { token: cookie, via: 'cookie' as const };
  return null;
}

const signInNeeded = () => new ApiError(401, 'sign_in_required', 'Please sign in. Your session may have ended.');

export const requireStaff = createMiddleware<StaffEnv>(async (c, next) => {
  const presented = presentedToken(c.req.header('authorization'), getCookie(c, STAFF_COOKIE));
  if (!presented) throw signInNeeded();
  const session = await verifySession(c.var.db, presented.token);
  const account = session && (await findStaffById(c.var.db, session.staffId));
  if (!session || !account) throw signInNeeded();
  if (presented.via === 'cookie' && !SAFE_METHODS.has(c.req.method) && !csrfTokenMatches(presented.token, c.req.header('x-csrf-token'))) {
    throw new ApiError(403, 'csrf_token_invalid', 'This request is missing its X-CSRF-Token header. Reload the page and try again.');
  }
  c.set('staff', {
    id: account.id,
    organisationId: account.organisationId,
    email: account.email,
    name: account.name,
    roles: account.roles,
    sessionId: session.id,
    via: presented.via,
    sessionToken: presented.token
  });
  await next();
});

/** Signed in and holding at least one of the roles. */
export const requireRole = (...roles: StaffRole[]) =>
  createMiddleware<StaffEnv>(async (c, next) => {
    await requireStaff(c, async () => {
      if (!c.var.staff.roles.some((role) => roles.includes(role))) {
        throw new ApiError(403, 'role_required', `Only staff with the ${roles.join(' or ')} role can do this`);
      }
      await next();
    });
  });
