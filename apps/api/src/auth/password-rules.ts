// What a staff password must be. Length matters most (NCSC guidance), so the
// rules are a minimum length and a refusal of passwords attackers try first.
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** Common passwords of 12 or more characters, from public breach lists, compared lower-cased. */
const WEAK_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456123456',
  '111111111111',
  '000000000000',
  '123123123123',
  'password1234',
  'password12345',
  'password123!',
  'passwordpassword',
  'password1234567',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwerty123456',
  '1qaz2wsx3edc',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5y6',
  'asdfghjkl123',
  'zxcvbnm12345',
  'iloveyou1234',
  'iloveyou12345',
  'letmein12345',
  'letmeinletmein',
  'welcome12345',
  'welcome123456',
  'changeme1234',
  'changeme123!',
  'administrator',
  'administrator1',
  'admin1234567',
  'adminadmin123',
  'trustno1trustno1',
  'football1234',
  'liverpool123',
  'arsenal12345',
  'chelsea12345',
  'manchesterunited',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'starwars1234',
  'monkey123456',
  'dragon123456',
  'abc123abc123',
  'abcdefghijkl',
  'abcd1234abcd',
  'safervoices1',
  'safervoices123',
  'safervoices2026',
  'springtime2026',
  'summertime2026'
]);

/** Why a password is not acceptable, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (WEAK_PASSWORDS.has(lower)) return 'This password is too common. Try three or more random words';
  if (new Set(lower).size <= 2) return 'Use more than two different characters';
  const address = email?.toLowerCase();
  if (address && (lower === address || lower === address.split('@')[0])) return 'Do not use your e-mail address as your password';
  return null;
}
