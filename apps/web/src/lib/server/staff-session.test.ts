import { describe, expect, it } from 'vitest';
import { safeReturnPath, signInPath } from './staff-session.ts';

describe('the way back after signing in', () => {
  it('keeps paths inside the staff console', () => {
    expect(safeReturnPath('/staff/team')).toBe('/staff/team');
    expect(safeReturnPath('/staff')).toBe('/staff');
  });

  it('refuses anything that could lead elsewhere', () => {
    for (const value of [null, '', 'https://evil.example/staff', '//evil.example', '/staff//evil.example', '/staff\\evil', '/s/feeling-safe', '/staffing', '/staff/team?x=1']) {
      expect(safeReturnPath(value)).toBe('/staff');
    }
  });

  it('sends the staff home page to plain sign-in', () => {
    expect(signInPath('/staff')).toBe('/staff/sign-in');
    expect(signInPath('/staff/team')).toBe('/staff/sign-in?return=%2Fstaff%2Fteam');
  });
});
