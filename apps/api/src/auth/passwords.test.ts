import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules';
import { generatePassword, hashPassword, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('accepts the password it hashed and refuses any other', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', hash)).toBe(false);
    expect(await verifyPassword('Correct horse battery staple', hash)).toBe(false);
  });

  it('stores scrypt with N = 2^15, r = 8, p = 1 and a salt of its own per password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
  });

  it('refuses a stored hash it does not understand instead of failing open', async () => {
    expect(await verifyPassword('anything at all', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything at all', 'scrypt$30$8$1$c2FsdA$aGFzaA')).toBe(false);
  });

  it('generates passwords that pass the rules', () => {
    const password = generatePassword();
    expect(password.length).toBeGreaterThanOrEqual(24);
    expect(passwordProblem(password)).toBeNull();
  });
});

describe('password rules', () => {
  it.each([
    ['short', 'Use at least 12 characters'],
    ['password1234', 'This password is too common. Try three or more random words'],
    ['QWERTY123456', 'This password is too common. Try three or more random words'],
    ['aaaaaaaaaaaaaaaa', 'Use more than two different characters'],
    ['x'.repeat(201), 'Use at most 200 characters']
  ])('refuses %s with a reason the person can act on', (password, reason) => {
    expect(passwordProblem(password)).toBe(reason);
  });

  it('refuses the e-mail address as the password', () => {
    expect(passwordProblem('jo.bloggs.vrp@example.org', 'jo.bloggs.vrp@example.org')).toMatch(/e-mail/);
    expect(passwordProblem('Jo.Bloggs.VRP', 'jo.bloggs.vrp@example.org')).toMatch(/e-mail/);
  });

  it('accepts long passphrases, including the demo password', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('demo-password-2026')).toBeNull();
  });
});
