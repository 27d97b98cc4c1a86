// Whether a write failed because a unique index or primary key already holds
// the value. Told by the driver's error code, never by the message's wording:
// messages differ between the embedded and remote drivers and may change.
// Drizzle wraps the driver's error, so the chain of causes is searched.
const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);
/** SQLite's extended result codes for the same two refusals. */
const UNIQUE_RAW_CODES = new Set([2067, 1555]);

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, rawCode, extendedCode } = e as { code?: unknown; rawCode?: unknown; extendedCode?: unknown };
    if (typeof code === 'string' && UNIQUE_CODES.has(code)) return true;
    if (typeof extendedCode === 'string' && UNIQUE_CODES.has(extendedCode)) return true;
    if (typeof rawCode === 'number' && UNIQUE_RAW_CODES.has(rawCode)) return true;
  }
  return false;
}
