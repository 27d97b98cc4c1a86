// The one rule for text the database keeps: no unpaired UTF-16 surrogate and
// no NUL. A lone surrogate ("\ud800" in JSON) is not a character: JSON keeps
// it as an escape, SQLite's JSON functions decode that escape into bytes that
// are not UTF-8, and the libSQL driver aborts the whole process when it reads
// them. NUL ends text for SQLite's C functions and the driver, which silently
// drop whatever follows it.
//
// Neither is refused: a lone surrogate becomes U+FFFD (what any decoder shows
// for a character it cannot read) and NUL is dropped, so a pupil's answer
// keeps every readable word rather than being turned away whole.

const SUSPECT = /[\0\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NUL = /\0/g;

/** The text with each unpaired surrogate replaced by U+FFFD and every NUL removed; the same string when it needs neither. */
export function storableText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(NUL, '');
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * A JSON-like value with storableText applied to every string in it, object
 * keys included. Arrays and plain objects are copied only where something
 * changed; anything else (numbers, Dates, Files) is returned as it is.
 */
export function storableJson<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const cleaned = storableJson(item);
      if (cleaned !== item) {
        copy ??= [...value];
        copy[i] = cleaned;
      }
    });
    return (copy ?? value) as T;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  keys.forEach((key, i) => {
    const cleanKey = storableText(key);
    const cleaned = storableJson(value[key]);
    if (!copy && (cleanKey !== key || cleaned !== value[key])) {
      copy = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
      for (const earlier of keys.slice(0, i)) define(copy as Record<string, unknown>, earlier, value[earlier]);
    }
    if (copy) define(copy, cleanKey, cleaned);
  });
  return (copy ?? value) as T;
}

/** Set as JSON.parse does: a key called "__proto__" is an ordinary property. */
function define(object: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The string in a piece of JSON text, as `column -> path` gives it (readers
 * use `->` rather than json_extract, so escapes stay escapes until they reach
 * JavaScript); undefined when it is not a string.
 */
export function textOfJson(json: unknown): string | undefined {
  if (typeof json !== 'string') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return typeof value === 'string' ? storableText(value) : undefined;
}
