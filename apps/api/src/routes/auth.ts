// Signing in and out, and who is signed in. Failures say the same thing for
// an unknown e-mail and a wrong password, so they cannot be used to find
// out who has an account.
import { isUniqueViolation } from '@safer-voices/db';
import { AcceptInviteInput, SignInInput } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditStatement } from '../auth/audit';
import { clientAddress } from '../auth/client-address';
import { requireStaff } from '../auth/guards';
import { attemptKeys, recordFailure, recordSuccess, secondsUntilAllowed } from '../auth/login-limits';
import { passwordProblem } from '../auth/password-rules';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import { csrfTokenFor, newSession, revokeSession } from '../auth/sessions';
import { clearStaffCookie } from '../auth/staff-cookie';
import type { Env } from '../env';
import { ApiError, errorBody } from '../errors';
import { acceptInvite, checkInvite } from '../store/invites';
import { findStaffByEmail, findStaffById } from '../store/staff';
import { validate } from '../validation';
import { describeStaff, SessionModeSchema, signedInBody } from '../auth/signed-in';

// The fields people type are checked by the same schemas as the web's forms.
const LoginSchema = z.strictObject({ ...SignInInput.shape, mode: SessionModeSchema });

const AcceptInviteSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not an invitation token'),
  ...AcceptInviteInput.shape,
  mode: SessionModeSchema
});

const INVITE_PROBLEMS = {
  not_found: [404, 'This invitation link is not right. Check you copied all of it, or ask your administrator for a new one.'],
  used: [410, 'This invitation has already been used. Sign in instead, or ask your administrator for a new one.'],
  expired: [410, 'This invitation has expired. Ask your administrator for a new one.'],
  account_exists: [409, 'There is already an account for this e-mail address. Sign in instead.']
} as const;

export const authRoute = new Hono<Env>()
  .post('/login', validate('json', LoginSchema), async (c) => {
    const { email, password, mode } = c.req.valid('json');
    const db = c.var.db;
    const keys = await attemptKeys(db, email, clientAddress(c));
    const wait = await secondsUntilAllowed(db, keys);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      const minutes = Math.ceil(wait / 60);
      return c.json(errorBody('too_many_attempts', `Too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`), 429);
    }
    const account = await findStaffByEmail(db, email);
    const valid = account && !account.disabledAt ? await verifyPassword(password, account.passwordHash) : await verifyAgainstDecoy(password);
    if (!account || !valid) {
      await recordFailure(db, keys);
      throw new ApiError(401, 'sign_in_failed', 'The e-mail address or password is not right');
    }
    const { token, session, insert } = newSession(db, account.id);
    await db.batch([insert, auditStatement(db, { organisationId: account.organisationId, actorStaffId: account.id, action: 'auth.sign_in', detail: { mode } })]);
    await recordSuccess(db, keys);
    return c.json(await signedInBody(c, account, token, session, mode));
  })
  .post('/logout', requireStaff, async (c) => {
    const who = c.var.staff;
    await revokeSession(c.var.db, who.sessionId);
    await auditStatement(c.var.db, { organisationId: who.organisationId, actorStaffId: who.id, action: 'auth.sign_out' });
    clearStaffCookie(c);
    return c.body(null, 204);
  })
  .get('/me', requireStaff, async (c) => {
    const who = c.var.staff;
    const described = await describeStaff(c.var.db, who);
    // A browser that reloads gets its CSRF token again here; other sites cannot read this response.
    return c.json(who.via === 'cookie' ? { ...described, csrfToken: csrfTokenFor(who.sessionToken) } : described);
  })
  .post('/accept-invite', validate('json', AcceptInviteSchema), async (c) => {
    const { token, name, password, mode } = c.req.valid('json');
    const checked = await checkInvite(c.var.db, token);
    if (!checked.invite) {
      const [status, message] = INVITE_PROBLEMS[checked.problem];
      throw new ApiError(status, `invite_${checked.problem}`, message);
    }
    const problem = passwordProblem(password, checked.invite.email);
    if (problem) throw new ApiError(422, 'weak_password', 'Choose a different password', [{ field: 'password', message: problem }]);
    const accepted = await acceptInvite(c.var.db, checked.invite, name, await hashPassword(password)).catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ApiError(410, 'invite_used', INVITE_PROBLEMS.used[1]);
      throw error;
    });
    const account = await findStaffById(c.var.db, accepted.staffId);
    if (!account) throw new Error('The account made from an invitation was not found');
    return c.json(await signedInBody(c, account, accepted.token, accepted.session, mode), 201);
  });
