// Organisation settings for analysis: suppression threshold, redaction terms,
// notification of new safeguarding flags. Admins change them; analysts may
// read the threshold and terms (they work with both), but not where
// safeguarding notices go, nor the webhook's signing secret. Every change is
// in the audit log, in the same batch as the change.
import type { Context } from 'hono';
import { linkProblem } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditStatement } from '../auth/audit';
import type { StaffEnv } from '../auth/guards';
import { requirePolicy } from '../policies/guard';
import { reachableOrganisation } from '../policies/reachable';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { MINIMUM_SUPPRESSION_THRESHOLD, newWebhookSecret, type OrganisationSettings, saveSettingsStatement, settingsOf, settingsRecordOf } from '../store/organisation-settings';
import { EmailSchema } from '../store/staff';
import { validate } from '../validation';

const admins = requirePolicy('settings', 'edit');
const readers = requirePolicy('settings', 'view');

export const MAXIMUM_SUPPRESSION_THRESHOLD = 100;
export const MOST_REDACTION_TERMS = 500;

/** A hub admin may set one of its partnerships' settings; one's own organisation by default. */
const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });

const WHOLE_NUMBER = 'Enter the threshold as a whole number, like 10';
const Threshold = z
  .number({ error: WHOLE_NUMBER })
  .int(WHOLE_NUMBER)
  .min(MINIMUM_SUPPRESSION_THRESHOLD, `The threshold must be ${MINIMUM_SUPPRESSION_THRESHOLD} or more: a figure based on fewer people could identify them`)
  .max(MAXIMUM_SUPPRESSION_THRESHOLD, `The threshold must be ${MAXIMUM_SUPPRESSION_THRESHOLD} or less`);

/** Trimmed, inner spaces collapsed, the first spelling of each kept (case does not matter when redacting). */
const RedactionTerms = z
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
  .refine((terms) => terms.length <= MOST_REDACTION_TERMS, `Give at most ${MOST_REDACTION_TERMS} terms`);

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

const blankIsNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const WebhookUrl = z.preprocess(
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
);
const NotifyEmail = z.preprocess(blankIsNull, EmailSchema.nullable());

const SettingsSchema = z.strictObject({
  suppressionThreshold: Threshold,
  redactionTerms: RedactionTerms,
  notifyWebhookUrl: WebhookUrl,
  notifyEmail: NotifyEmail
});

async function settingsView(c: Context<StaffEnv>, organisationId: string) {
  const record = await settingsRecordOf(c.var.db, organisationId);
  const isAdmin = c.var.staff.roles.includes('admin');
  return {
    organisationId,
    suppressionThreshold: record.suppressionThreshold,
    minimumThreshold: MINIMUM_SUPPRESSION_THRESHOLD,
    redactionTerms: record.redactionTerms,
    /** Where new safeguarding flags are announced: for admins only. */
    notify: isAdmin ? { webhookUrl: record.notifyWebhookUrl, email: record.notifyEmail, webhookSecret: record.notifyWebhookSecret } : null,
    updatedAt: record.updatedAt,
    updatedBy: record.updatedBy
  };
}

/** What changed, for the audit log. Addresses stay out of it: a webhook's path can be its secret. */
function changesOf(before: OrganisationSettings, after: OrganisationSettings) {
  const detail: Record<string, unknown> = {};
  if (before.suppressionThreshold !== after.suppressionThreshold) detail.suppressionThreshold = { from: before.suppressionThreshold, to: after.suppressionThreshold };
  const had = new Set(before.redactionTerms);
  const has = new Set(after.redactionTerms);
  const added = after.redactionTerms.filter((t) => !had.has(t)).length;
  const removed = before.redactionTerms.filter((t) => !has.has(t)).length;
  if (added || removed) detail.redactionTerms = { added, removed, total: after.redactionTerms.length };
  if (before.notifyWebhookUrl !== after.notifyWebhookUrl) detail.notifyWebhookUrl = after.notifyWebhookUrl ? 'set' : 'removed';
  if (before.notifyEmail !== after.notifyEmail) detail.notifyEmail = after.notifyEmail ? 'set' : 'removed';
  if (before.notifyWebhookSecret !== after.notifyWebhookSecret) detail.notifyWebhookSecret = before.notifyWebhookSecret ? 'replaced' : 'created';
  return detail;
}

async function save(c: Context<StaffEnv>, organisationId: string, before: OrganisationSettings, after: OrganisationSettings) {
  const changes = changesOf(before, after);
  if (Object.keys(changes).length > 0) {
    await c.var.db.batch([
      saveSettingsStatement(c.var.db, organisationId, after, c.var.staff.id),
      auditStatement(c.var.db, {
        organisationId,
        actorStaffId: c.var.staff.id,
        action: 'settings.changed',
        target: { type: 'organisation', id: organisationId },
        detail: changes
      })
    ]);
  }
  return Object.keys(changes);
}

export const settingsRoute = new Hono<Env>()
  .get('/', readers, validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json(await settingsView(c, organisationId));
  })
  .put('/', admins, validate('query', OrganisationQuery), validate('json', SettingsSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const before = await settingsOf(c.var.db, organisationId);
    const edited = c.req.valid('json');
    // The first webhook address gets a secret; changing the address keeps it, so the receiver need not change.
    const secret = before.notifyWebhookSecret ?? (edited.notifyWebhookUrl ? newWebhookSecret() : null);
    const changed = await save(c, organisationId, before, { ...edited, notifyWebhookSecret: secret });
    return c.json({ changed, settings: await settingsView(c, organisationId) });
  })
  // A new secret, for when the old one may have been seen; the old one stops working at once.
  .post('/webhook-secret', admins, validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const before = await settingsOf(c.var.db, organisationId);
    if (!before.notifyWebhookUrl) throw new ApiError(409, 'no_webhook', 'Set a webhook address first: the secret signs what is sent to it');
    const changed = await save(c, organisationId, before, { ...before, notifyWebhookSecret: newWebhookSecret() });
    return c.json({ changed, settings: await settingsView(c, organisationId) });
  });
