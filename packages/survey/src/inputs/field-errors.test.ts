import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formErrors, issuesAsErrors, localisedErrors, parseForm, pathName } from './field-errors';
import { ThemeMergeInput } from './codebook';
import { AcceptInviteInput, SignInInput, staffInviteInput } from './staff';

describe('field errors by path', () => {
  it('names a path with dots, and the whole input by the fallback', () => {
    expect(pathName(['theme', 'seeds', 3])).toBe('theme.seeds.3');
    expect(pathName([], 'json')).toBe('json');
  });

  it('puts an issue inside a field on that field, and anything else on the fallback', () => {
    const issues = [
      { field: 'roles.0', message: 'Invalid option' },
      { field: 'email', message: 'Enter an e-mail address like name@example.org' },
      { field: 'organisationId', message: 'Too long' },
      { field: 'rolesx', message: 'Not a prefix' }
    ];
    expect(formErrors(issues, ['email', 'roles'], 'email')).toEqual([
      { field: 'roles', message: 'Invalid option' },
      { field: 'email', message: 'Enter an e-mail address like name@example.org' },
      { field: 'email', message: 'Too long' },
      { field: 'email', message: 'Not a prefix' }
    ]);
  });

  it('gives a failure without issues one error on the fallback, when there is a message', () => {
    expect(formErrors(undefined, ['roles'], 'roles', 'This is the only admin.')).toEqual([{ field: 'roles', message: 'This is the only admin.' }]);
    expect(formErrors([], ['roles'], 'roles')).toEqual([]);
  });

  it('names zod issues by their path', () => {
    const result = z.object({ a: z.object({ b: z.array(z.string()) }) }).safeParse({ a: { b: ['x', 1] } });
    expect(result.success || issuesAsErrors(result.error.issues)).toEqual([{ field: 'a.b.1', message: 'Invalid input: expected string, received number' }]);
  });
});

describe('localised errors', () => {
  const api = [
    { field: 'q2', message: 'Answer this question' },
    { field: 'q1.row1', message: 'Choose one option' }
  ];

  it('uses the local message for the same field, whatever order the checks came in', () => {
    const local = [
      { field: 'q1.row1', message: 'Dewiswch un opsiwn' },
      { field: 'q2', message: 'Atebwch y cwestiwn hwn' }
    ];
    expect(localisedErrors(api, local)).toEqual([
      { field: 'q2', message: 'Atebwch y cwestiwn hwn' },
      { field: 'q1.row1', message: 'Dewiswch un opsiwn' }
    ]);
  });

  it('keeps the language a local message says it is in', () => {
    const local = [{ field: 'q2', message: 'أجب عن هذا السؤال', lang: 'ar' }];
    expect(localisedErrors(api, local)).toEqual([
      { field: 'q2', message: 'أجب عن هذا السؤال', lang: 'ar' },
      { field: 'q1.row1', message: 'Choose one option' }
    ]);
  });

  it('keeps the API’s message for a field the local check did not find, and drops local errors the API did not', () => {
    const local = [
      { field: 'q2', message: 'Atebwch y cwestiwn hwn' },
      { field: 'q9', message: 'Only here' }
    ];
    expect(localisedErrors(api, local)).toEqual([
      { field: 'q2', message: 'Atebwch y cwestiwn hwn' },
      { field: 'q1.row1', message: 'Choose one option' }
    ]);
  });
});

describe('shared staff inputs', () => {
  it('say what is missing in the words of each form, in the form’s order', () => {
    expect(parseForm(SignInInput, { email: ' ', password: '' }, ['email', 'password'], 'email')).toEqual({
      ok: false,
      errors: [
        { field: 'email', message: 'Enter your e-mail address' },
        { field: 'password', message: 'Enter your password' }
      ]
    });
    expect(parseForm(AcceptInviteInput, { name: '', password: '' }, ['name', 'password'], 'password')).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'Enter your name' },
        { field: 'password', message: 'Choose a password' }
      ]
    });
    expect(parseForm(staffInviteInput(['admin', 'officer']), { email: '', roles: [] }, ['email', 'roles'], 'email')).toEqual({
      ok: false,
      errors: [
        { field: 'email', message: 'Enter the e-mail address of the person you are inviting' },
        { field: 'roles', message: 'Choose at least one role' }
      ]
    });
  });

  it('give the values the API keeps: a trimmed, lower-case address and each role once, sorted', () => {
    expect(parseForm(staffInviteInput(['admin', 'officer']), { email: ' Sam@Example.ORG ', roles: ['officer', 'admin', 'officer'] }, ['email', 'roles'], 'email')).toEqual({
      ok: true,
      data: { email: 'sam@example.org', roles: ['admin', 'officer'] }
    });
  });

  it('explain a malformed address, and an unknown role on the roles field', () => {
    const parsed = parseForm(staffInviteInput(['admin']), { email: 'not an address', roles: ['boss'] }, ['email', 'roles'], 'email');
    expect(parsed.ok || parsed.errors.map((e) => e.field)).toEqual(['email', 'roles']);
    expect(parsed.ok || parsed.errors[0]?.message).toBe('Enter an e-mail address like name@example.org');
  });

  it('say which theme to merge into, and keep the note trimmed', () => {
    expect(parseForm(ThemeMergeInput, { intoId: '', note: '' }, ['intoId', 'note'], 'intoId')).toEqual({ ok: false, errors: [{ field: 'intoId', message: 'Choose the theme to merge into' }] });
    expect(parseForm(ThemeMergeInput, { intoId: 't1', note: '  why  ' }, ['intoId', 'note'], 'intoId')).toEqual({ ok: true, data: { intoId: 't1', note: 'why' } });
  });
});
