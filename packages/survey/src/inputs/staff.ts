// What staff type into the sign-in, invitation and team forms, checked the
// same way by the web form and by the API route it posts to. Each blank field
// is named in the words of the form it is on.
import { z } from 'zod';
import { requiredShortText } from './short-text';

/** The longest password accepted for signing in (see the API's password rules). */
export const MOST_PASSWORD_CHARACTERS = 200;

export const EMAIL_FORMAT = 'Enter an e-mail address like name@example.org';
export const CHOOSE_A_ROLE = 'Choose at least one role';

/** An e-mail address as staff accounts keep it: trimmed and lower-cased. `missing` is said when it is blank. */
export const staffEmail = (missing = EMAIL_FORMAT) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(254)
    .pipe(z.email(EMAIL_FORMAT))
    .transform((email) => email.toLowerCase());

/** At least one of the known roles, each once, in a steady order. */
export const chosenRoles = <R extends string>(known: readonly [R, ...R[]]) =>
  z
    .array(z.enum(known))
    .min(1, CHOOSE_A_ROLE)
    .transform((roles) => [...new Set(roles)].sort());

/** Signing in: the address and the password. */
export const SignInInput = z.object({
  email: staffEmail('Enter your e-mail address'),
  password: z.string().min(1, 'Enter your password').max(MOST_PASSWORD_CHARACTERS)
});

/**
 * Accepting an invitation: the new account's name and password. The name is
 * short text others read (see short-text.ts). One password character over the
 * longest is let through, for the password rules to explain why it is too long.
 */
export const AcceptInviteInput = z.object({
  name: requiredShortText({ empty: 'Enter your name', most: 120, what: 'Your name' }),
  password: z
    .string()
    .min(1, 'Choose a password')
    .max(MOST_PASSWORD_CHARACTERS + 1)
});

/** Inviting someone to the team, with the roles they will have. */
export const staffInviteInput = <R extends string>(known: readonly [R, ...R[]]) =>
  z.object({ email: staffEmail('Enter the e-mail address of the person you are inviting'), roles: chosenRoles(known) });

/** Changing someone's roles. */
export const staffRolesInput = <R extends string>(known: readonly [R, ...R[]]) => z.object({ roles: chosenRoles(known) });
