// Organisation settings for analysis: suppression threshold, redaction terms,
// notification of new safeguarding flags. Admins change them; analysts may
// read the threshold and terms (they work with both), but not where
// safeguarding notices go, nor the webhook's signing secret. Every change is
// in the audit log, in the same batch as the change.
import type { Context } from 'hono';
import { settingsInput } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import { auditStatement } from '../auth/audit';
import type { StaffEnv } from '../auth/guards';
import { requirePolicy } from '../policies/guard';
import { may } from '../policies';
import { reachableOrganisation } from '../policies/reachable';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { MINIMUM_SUPPRESSION_THRESHOLD, newWebhookSecret, type OrganisationSettings, saveSettingsStatement, settingsOf, settingsRecordOf } from '../store/organisation-settings';
import { validate } from '../validation';

const admins = requirePolicy('settings', 'edit');
const readers = requirePolicy('settings', 'view');

/** A hub admin may set one of its partnerships' settings; one's own organisation by default. */
const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });

const SettingsSchema = settingsInput(MINIMUM_SUPPRESSION_THRESHOLD);

async function settingsView(c: Context<StaffEnv>, organisationId: string) {
  const record = await settingsRecordOf(c.var.db, organisationId);
  return {
    organisationId,
    suppressionThreshold: record.suppressionThreshold,
    minimumThreshold: MINIMUM_SUPPRESSION_THRESHOLD,
    redactionTerms: record.redactionTerms,
    /** Where new safeguarding flags are announced: for admins only. */
    notify: may(c.var.staff, 'settings', 'edit') ? { webhookUrl: record.notifyWebhookUrl, email: record.notifyEmail, webhookSecret: record.notifyWebhookSecret } : null,
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
