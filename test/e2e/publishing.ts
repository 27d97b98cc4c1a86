// Making a questionnaire live through the staff pages: the privacy details
// publishing needs, then "Make your questionnaire live?".
import { expect, type Page } from '@playwright/test';

export const PRIVACY = {
  organisation: 'Northtown Council, for the Northtown Violence Reduction Partnership',
  contact: 'dataprotection@northtown.example, or 01632 960 000',
  retention: 'Two years after the survey closes'
};

/** Fill in and save the privacy details on a questionnaire's page (`overview`). */
export async function fillPrivacyDetails(page: Page, overview: string) {
  await page.goto(overview);
  await page.getByLabel('Organisation responsible for the answers').fill(PRIVACY.organisation);
  await page.getByLabel('Contact for questions and data protection requests').fill(PRIVACY.contact);
  await page.getByLabel('How long answers are kept').fill(PRIVACY.retention);
  await page.getByRole('button', { name: 'Save privacy details' }).click();
  await expect(page.getByRole('status')).toHaveText('Privacy details saved.');
}

/** From a questionnaire's page: Publish, then on the confirmation page choose where people find it (or keep the default) and make it live. */
export async function makeLive(page: Page, listed?: 'Listed on the home page' | 'Link or code only') {
  await page.getByRole('link', { name: /^Publish version/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make your questionnaire live?');
  if (listed) await page.getByLabel(listed).check();
  await page.getByRole('button', { name: 'Make it live' }).click();
  await expect(page.getByRole('status')).toContainText('Published');
}
