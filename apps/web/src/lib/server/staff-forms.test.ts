import { describe, expect, it } from 'vitest';
import { errorsFrom } from './staff-forms.ts';

describe('API failures as form errors', () => {
  it('names issues after the form’s fields', () => {
    const failure = { status: 400, error: 'invalid_request', message: 'The request json is not valid', issues: [{ field: 'roles.0', message: 'Invalid option' }] };
    expect(errorsFrom(failure, ['email', 'roles'], 'email')).toEqual([{ field: 'roles', message: 'Invalid option' }]);
  });

  it('puts a failure without issues on the fallback field, in the API’s words', () => {
    const failure = { status: 409, error: 'last_admin', message: 'This is the only admin of the organisation.' };
    expect(errorsFrom(failure, ['roles'], 'roles')).toEqual([{ field: 'roles', message: 'This is the only admin of the organisation.' }]);
  });
});
