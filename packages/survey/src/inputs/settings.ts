// An organisation's analysis settings as an admin enters them: the
// suppression threshold, redaction terms and where new safeguarding flags are
// announced. One schema for the settings form (text fields: the threshold as
// typed, one term a line, blank for none) and for the API (JSON), so each
// rule and its message is written once.
import { z } from 'zod';
import { linkProblem } from '../links';
import { EMAIL_FORMAT } from './staff';

export const MAXIMUM_SUPPRESSION_THRESHOLD = 100;
export const MOST_REDACTION_TERMS = 500;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Why a webhook address cannot be used, or null: the product's link rule,
 * narrowed to https only (http to this machine, for testing), with no credentials.
 */
export function webhookProblem(address: string): string | null {
  const notAnAddress = 'Enter the webhook address as a full web address starting https://';
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return notAnAddress;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The webhook address must start with https://';
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) return 'The webhook address must start with https:// (http:// only for localhost, when testing)';
  if (linkProblem(address)) return notAnAddress;
  if (url.username || url.password) return 'Take the user name and password out of the webhook address';
  return null;
}

const WHOLE_NUMBER = 'Enter the threshold as a whole number, like 10';
const blankIsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
/** A form sends the threshold as typed: whole numbers are read, anything else is left to fail as not a number. */
const typedNumber = (value: unknown) => (typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : value);
/** A form sends the terms one a line; blank lines are dropped. */
const termLines = (value: unknown) =>
  typeof value === 'string'
    ? value
        .split(/\r?\n/)
        .map((t) => t.trim())
        .filter(Boolean)
    : value;

const asIs = (value: unknown) => value;

/**
 * `minimum`: the lowest threshold allowed (the product's, never below 10).
 * `form`: read the form's text fields (the threshold as typed, one term a
 * line); the API takes JSON numbers and arrays only.
 */
export const settingsInput = (minimum: number, { form = false } = {}) =>
  z.strictObject({
    suppressionThreshold: z.preprocess(
      form ? typedNumber : asIs,
      z
        .number({ error: WHOLE_NUMBER })
        .int(WHOLE_NUMBER)
        .min(minimum, `The threshold must be ${minimum} or more: a figure based on fewer people could identify them`)
        .max(MAXIMUM_SUPPRESSION_THRESHOLD, `The threshold must be ${MAXIMUM_SUPPRESSION_THRESHOLD} or less`)
    ),
    // Trimmed, inner spaces collapsed, the first spelling of each kept (case does not matter when redacting).
    redactionTerms: z.preprocess(
      form ? termLines : asIs,
      z
        .array(z.string().max(1000))
        .max(2000)
        .transform((terms) => terms.map((t) => t.trim().replace(/\s+/g, ' ')))
        .superRefine((terms, ctx) => {
          terms.forEach((term, i) => {
            if (term.length < 2) ctx.addIssue({ code: 'custom', path: [i], message: term ? `“${term}” is too short: a term must be at least 2 characters` : 'A term cannot be empty' });
            else if (term.length > 100) ctx.addIssue({ code: 'custom', path: [i], message: `“${term.slice(0, 30)}…” is too long: a term must be 100 characters or fewer` });
          });
        })
        .transform((terms) => {
          const seen = new Set<string>();
          return terms.filter((t) => !seen.has(t.toLowerCase()) && Boolean(seen.add(t.toLowerCase())));
        })
        .refine((terms) => terms.length <= MOST_REDACTION_TERMS, `Give at most ${MOST_REDACTION_TERMS} terms`)
    ),
    notifyWebhookUrl: z.preprocess(
      blankIsNull,
      z
        .string()
        .trim()
        .max(2000, 'The webhook address must be 2,000 characters or fewer')
        .superRefine((address, ctx) => {
          const problem = webhookProblem(address);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .nullable()
    ),
    notifyEmail: z.preprocess(
      blankIsNull,
      z
        .string()
        .trim()
        .max(254)
        .pipe(z.email(EMAIL_FORMAT))
        .transform((email) => email.toLowerCase())
        .nullable()
    )
  });

export type SettingsInput = z.output<ReturnType<typeof settingsInput>>;
