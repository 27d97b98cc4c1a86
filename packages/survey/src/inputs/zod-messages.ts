// What a value that does not fit a schema is told, when the schema has no
// words of its own for it: plain sentences a person (or an API client's
// developer) can act on — "Must be text", "Must be 200 characters or fewer" —
// instead of zod's "Invalid input: expected string, received undefined".
// Installed once for the process (zod's global error map); a schema's own
// message ("Enter a title") always comes first.
import { z } from 'zod';

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object (named values)',
  date: 'a date',
  bigint: 'a whole number',
  null: 'null'
};

const figure = (n: number | bigint) => (typeof n === 'bigint' ? n.toString() : n.toLocaleString('en-GB'));
const plural = (n: number | bigint, one: string, many: string) => `${figure(n)} ${Number(n) === 1 ? one : many}`;

/** How big something is, by its kind: characters of text, items of a list, the number itself. */
function amount(origin: string, n: number | bigint): string {
  if (origin === 'string') return plural(n, 'character', 'characters');
  if (origin === 'array' || origin === 'set') return plural(n, 'item', 'items');
  if (origin === 'file') return plural(n, 'byte', 'bytes');
  return figure(n);
}

const listOf = (values: readonly unknown[]) => {
  const shown = values.slice(0, 8).map((v) => JSON.stringify(v));
  return values.length > 8 ? `${shown.join(', ')} and ${values.length - 8} more` : shown.join(', ');
};

/** The words for one issue, or undefined for zod's own (kinds this file does not name). */
export function issueInWords(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Missing: this must be given';
      return `Must be ${KINDS[issue.expected] ?? issue.expected}`;
    case 'too_small': {
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'Must not be empty';
      if ((issue.origin === 'array' || issue.origin === 'set') && Number(issue.minimum) === 1) return 'Must have at least one item';
      if (issue.exact) return `Must be exactly ${amount(issue.origin, issue.minimum)}`;
      return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set'
        ? `Must be at least ${amount(issue.origin, issue.minimum)}`
        : `Must be ${issue.inclusive === false ? 'more than' : 'at least'} ${amount(issue.origin, issue.minimum)}`;
    }
    case 'too_big':
      if (issue.exact) return `Must be exactly ${amount(issue.origin, issue.maximum)}`;
      return issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set' || issue.origin === 'file'
        ? `Must be ${amount(issue.origin, issue.maximum)} or fewer`
        : `Must be ${issue.inclusive === false ? 'less than' : 'at most'} ${amount(issue.origin, issue.maximum)}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Must be ${listOf(issue.values)}` : `Must be one of ${listOf(issue.values)}`;
    case 'unrecognized_keys':
      return `Not ${issue.keys.length === 1 ? 'a field' : 'fields'} this takes: ${issue.keys.slice(0, 8).join(', ')}${issue.keys.length > 8 ? ' …' : ''}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'Is not in the form expected' : `Must be a valid ${issue.format}`;
    case 'invalid_union':
      return 'Is not any of the forms this takes';
    default:
      return undefined;
  }
}

z.config({ customError: issueInWords });
