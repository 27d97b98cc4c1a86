// An organisation's analysis settings, with the defaults that apply until an
// admin changes them.
import { type Database, organisationSettings } from '@safer-voices/db';
import { eq } from 'drizzle-orm';

/** The smallest number of respondents any figure may rest on, whatever an organisation sets. */
export const MINIMUM_SUPPRESSION_THRESHOLD = 10;

export interface OrganisationSettings {
  suppressionThreshold: number;
  redactionTerms: string[];
  notifyWebhookUrl: string | null;
  notifyEmail: string | null;
}

export const DEFAULT_SETTINGS: OrganisationSettings = {
  suppressionThreshold: MINIMUM_SUPPRESSION_THRESHOLD,
  redactionTerms: [],
  notifyWebhookUrl: null,
  notifyEmail: null
};

export async function settingsOf(db: Database, organisationId: string): Promise<OrganisationSettings> {
  const [row] = await db.select().from(organisationSettings).where(eq(organisationSettings.organisationId, organisationId)).limit(1);
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    suppressionThreshold: Math.max(MINIMUM_SUPPRESSION_THRESHOLD, row.suppressionThreshold),
    redactionTerms: row.redactionTerms,
    notifyWebhookUrl: row.notifyWebhookUrl,
    notifyEmail: row.notifyEmail
  };
}
