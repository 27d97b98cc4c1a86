import { describe } from 'vitest';
import { checkShortTextField } from './short-text-field.testkit';
import { AcceptInviteInput } from './staff';

describe('the name given when accepting an invitation', () => {
  checkShortTextField({
    schema: AcceptInviteInput,
    valid: { name: 'Amira Khan', password: 'correct horse battery staple' },
    field: 'name',
    empty: 'Enter your name',
    most: 120,
    tooLong: 'Your name must be 120 characters or fewer'
  });
});
