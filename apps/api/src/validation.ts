// zod validation for request parts, with failures in the API's error shape.
// Every part is made storable first (storableText on every string, see
// @safer-voices/db), so no route can store a lone surrogate or NUL; a JSON
// body must be UTF-8, or it is refused rather than read with U+FFFD in it,
// and labelled JSON, or it is refused with a 415 rather than read as nothing.
import { zValidator } from '@hono/zod-validator';
import { storableJson } from '@safer-voices/db';
import type { Context, ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError } from './errors';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The one answer to a body sent as anything but JSON (text/plain, a form…) to a route that reads JSON. */
export const NOT_JSON_MESSAGE = 'Send the body as JSON (Content-Type: application/json)';
const notJson = () => new ApiError(415, 'json_expected', NOT_JSON_MESSAGE);
const notUtf8 = () => new ApiError(400, 'malformed_request', 'The request body is not valid UTF-8. Send JSON encoded as UTF-8.');

/**
 * How deeply a JSON body may nest arrays and objects. The deepest the API
 * reads is a questionnaire file (about ten levels); a body nested thousands
 * deep would only overflow the stack of whatever walks it.
 */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests arrays or objects deeper than `max`; walked without recursion, so any depth is safe to ask about. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

/** The value made storable, refused with a 400 when it nests too deeply to be read safely. */
function storableInput<T>(value: T, what: string): T {
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) {
    throw new ApiError(400, 'malformed_request', `${what} nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep, which no request of this API needs`);
  }
  return storableJson(value);
}

/** The body's text, refused with a 400 when it is not UTF-8. */
async function utf8Body(c: Context): Promise<string> {
  const bytes = await c.req.arrayBuffer();
  try {
    return utf8.decode(bytes);
  } catch {
    throw notUtf8();
  }
}

/**
 * Check a JSON body is UTF-8 before the validator reads it. The decoded text
 * is left where Hono's c.req.json() looks first, so the body is read once.
 */
async function requireUtf8Json(c: Context): Promise<void> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    // Hono's validator reads a body only when it is labelled JSON: any other
    // would be read as nothing, then refused field by field ("expected
    // string, received undefined") or ignored. No body at all is still fine.
    if (c.req.raw.body !== null && (await c.req.arrayBuffer()).byteLength > 0) throw notJson();
    return;
  }
  if (c.req.bodyCache.text !== undefined) return;
  const text = await utf8Body(c);
  // Hono keeps the promise of each reading (its type says the value).
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
}

/** A JSON body read as UTF-8 and made storable, for routes that take a whole document (a questionnaire file); `what` names it when it is not JSON. */
export async function storableJsonBody(c: Context, what = 'The request body'): Promise<unknown> {
  const text = await utf8Body(c);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed_request', `${what} is not valid JSON`);
  }
  return storableInput(value, what);
}

/** The part of a request a validator reads, as its problem's message names it. */
const PART_IN_WORDS: Partial<Record<keyof ValidationTargets, string>> = {
  json: 'The request body',
  form: 'The form',
  query: 'The query in the address',
  param: 'The address',
  header: 'The request headers',
  cookie: 'The cookies'
};

export const validate = <T extends keyof ValidationTargets, S extends ZodType>(target: T, schema: S) => {
  const check = zValidator(
    target,
    schema,
    (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((issue) => ({
          field: issue.path.map(String).join('.') || target,
          message: issue.message
        }));
        const listed = issues.slice(0, 3).map((i) => `${i.field}: ${i.message}`);
        if (issues.length > 3) listed.push(`and ${issues.length - 3} more`);
        throw new ApiError(400, 'invalid_request', `${PART_IN_WORDS[target] ?? 'The request'} has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`} (${listed.join('; ')})`, issues);
      }
    },
    // zod's result type, which zValidator names through S, cannot be spelt for any S here.
    { validationFunction: (s, value) => s.safeParseAsync(storableInput(value, `The request ${target}`)) as Promise<never> }
  );
  if (target !== 'json') return check;
  const checkUtf8First: typeof check = async (c, next) => {
    await requireUtf8Json(c);
    return check(c, next);
  };
  return checkUtf8First;
};
