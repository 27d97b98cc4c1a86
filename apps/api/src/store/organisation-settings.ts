// An organisation's analysis settings, with the defaults that apply until an
// admin changes them.
import { randomBytes } from 'node:crypto';
import { type Database, organisationSettings, staff } from '@safer-voices/db';
import { SUPPRESSION_THRESHOLD } from '@safer-voices/insights';
import { eq } from 'drizzle-orm';

/** The smallest number of respondents any figure may rest on, whatever an organisation sets. */
export const MINIMUM_SUPPRESSION_THRESHOLD = SUPPRESSION_THRESHOLD;

export interface OrganisationSettings {
  suppressionThreshold: number;
  redactionTerms: string[];
  notifyWebhookUrl: string | null;
  notifyEmail: string | null;
  /** Made here, never chosen: signs each webhook so its receiver can check where it came from. */
  notifyWebhookSecret: string | null;
}

export const DEFAULT_SETTINGS: OrganisationSettings = {
  suppressionThreshold: MINIMUM_SUPPRESSION_THRESHOLD,
  redactionTerms: [],
  notifyWebhookUrl: null,
  notifyEmail: null,
  notifyWebhookSecret: null
};

/** A Standard Webhooks signing secret: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export async function settingsOf(db: Database, organisationId: string): Promise<OrganisationSettings> {
  const [row] = await db.select().from(organisationSettings).where(eq(organisationSettings.organisationId, organisationId)).limit(1);
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    suppressionThreshold: Math.max(MINIMUM_SUPPRESSION_THRESHOLD, row.suppressionThreshold),
    redactionTerms: row.redactionTerms,
    notifyWebhookUrl: row.notifyWebhookUrl,
    notifyEmail: row.notifyEmail,
    notifyWebhookSecret: row.notifyWebhookSecret
  };
}

/** Insert or replace an organisation's settings; batch it with its audit entry. */
export function saveSettingsStatement(db: Database, organisationId: string, settings: OrganisationSettings, updatedBy: string) {
  const values = { ...settings, updatedAt: new Date(), updatedBy };
  return db
    .insert(organisationSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: organisationSettings.organisationId, set: values });
}

/** The settings with when and by whom they were last changed (null while they are the defaults). */
export async function settingsRecordOf(db: Database, organisationId: string) {
  const [row] = await db
    .select({ updatedAt: organisationSettings.updatedAt, updatedBy: staff.name })
    .from(organisationSettings)
    .leftJoin(staff, eq(staff.id, organisationSettings.updatedBy))
    .where(eq(organisationSettings.organisationId, organisationId))
    .limit(1);
  return { ...(await settingsOf(db, organisationId)), updatedAt: row?.updatedAt.toISOString() ?? null, updatedBy: row?.updatedBy ?? null };
}
