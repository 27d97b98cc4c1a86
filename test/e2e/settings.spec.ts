// Organisation settings: an admin's bad threshold and webhook address are
// refused with an error summary and change nothing; a threshold of 20 and a
// redaction term then change what the Themes page shows. The test works in an
// organisation of its own (made with `npm run admin -- create`), so other
// browser tests running at the same time keep the demo organisation's threshold.
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff, uniqueEmail } from './helpers';
import { answerAll, publishedYouthSurvey, staffApi, unsafe } from './survey-copies';

const PASSWORD = 'settings test password 2026';
// A street, not a school: school names are redacted anyway, a local street only when the organisation lists it.
const KNIVES = 'Boys carry knives outside the chip shop on Stall Street';
const SNAPCHAT = 'People send threats on snapchat';
const ALLEY = 'The dark alley behind the shops';

/** A new organisation and its first admin, made the way a real deployment makes them. */
function createOrganisationWithAdmin(email: string, organisation: string) {
  const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const result = spawnSync(
    process.execPath,
    [file('../../apps/api/node_modules/tsx/dist/cli.mjs'), file('../../apps/api/src/cli/admin.ts'), 'create', '--email', email, '--org', organisation, '--password-stdin'],
    {
      input: `${PASSWORD}\n`,
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
      encoding: 'utf8'
    }
  );
  expect(result.status, result.stderr).toBe(0);
}

/** The first choice for every required question, and our free text. */

/** As the signed-in admin: a youth safety survey from the template, published, with 45 responses. */
/** As the signed-in admin: a youth safety survey from the template, published, with 45 responses. */
async function publishedSurveyWithAnswers(page: Page): Promise<string> {
  const survey = await publishedYouthSurvey(page.request, await staffApi(page.request));
  // 22 about knives at a named school, 15 about snapchat, 8 about an alley.
  await answerAll(page.request, survey, [...Array(22).fill(KNIVES), ...Array(15).fill(SNAPCHAT), ...Array(8).fill(ALLEY)].map(unsafe));
  return survey.id;
}

const row = (page: Page, theme: string) => page.locator('table.themes-table tbody tr').filter({ has: page.getByRole('rowheader', { name: theme, exact: true }) });

test('an admin’s threshold and redaction term change what the explorer shows; bad settings change nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail('settings-admin');
  createOrganisationWithAdmin(email, `Settings Test VRP ${randomUUID().slice(0, 8)}`);
  await signInAsStaff(page, email, PASSWORD);
  const questionnaireId = await publishedSurveyWithAnswers(page);
  const themesPage = `/staff/analysis/${questionnaireId}?question=what_makes_unsafe&theme=knives_weapons`;

  // At the default threshold of 10, 15 respondents about snapchat are shown, and the street's name is in the quotes.
  await page.goto(themesPage);
  await expect(async () => {
    await page.reload();
    await expect(row(page, 'Social media & online').locator('td').first()).toHaveText('15', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.locator('blockquote').filter({ hasText: 'carry knives' }).first()).toContainText('Stall Street');

  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(page.getByLabel('Suppression threshold')).toHaveValue('10');
  await expectNoAxeFindings(page);

  // A threshold under 10 and a plain-http address: both explained, nothing saved.
  await page.getByLabel('Suppression threshold').fill('5');
  await page.getByLabel('Webhook address (optional)').fill('http://hooks.example.org/safeguarding');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'The threshold must be 10 or more: a figure based on fewer people could identify them',
    'The webhook address must start with https:// (http:// only for localhost, when testing)'
  ]);
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Suppression threshold')).toHaveValue('5');
  await expectNoAxeFindings(page);
  await summary.getByRole('link').first().click();
  await expect(page.getByLabel('Suppression threshold')).toBeFocused();
  await page.goto('/staff/settings');
  await expect(page.getByLabel('Suppression threshold')).toHaveValue('10');
  await expect(page.getByLabel('Webhook address (optional)')).toHaveValue('');

  await page.getByLabel('Suppression threshold').fill('20');
  await page.getByLabel('Words to redact from quotes (optional)').fill('Stall Street\n\n  stall street  \n');
  await page.getByLabel('Webhook address (optional)').fill('https://hooks.example.org/safeguarding');
  await page.getByLabel('E-mail address (optional)').fill('dsl@example.org');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await expect(page.getByLabel('Suppression threshold')).toHaveValue('20');
  await expect(page.getByLabel('Words to redact from quotes (optional)')).toHaveValue('Stall Street');
  await expectNoAxeFindings(page);

  // Now 15 is too few to show; 22 still shows, and its quotes hide the street.
  await page.goto(themesPage);
  await expect(page.getByText('Figures based on fewer than 20 people are not shown.')).toBeVisible();
  // Each withheld figure says beneath its [c] which rule withheld it.
  await expect(row(page, 'Social media & online').locator('td')).toHaveText([/^\[c\]/, /^\[c\]/, /^\[c\]/]);
  await expect(row(page, 'Knives & weapons').locator('td').first()).toHaveText('22');
  const quote = page.locator('blockquote').filter({ hasText: 'carry knives' }).first();
  await expect(quote).toContainText('on [redacted]');
  await expect(page.locator('main')).not.toContainText('Stall Street');
  await expectNoAxeFindings(page);
});

test('settings are for admins only', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
  const res = await page.goto('/staff/settings');
  expect(res?.status()).toBe(403);
  await expect(page.getByText('Only staff with the admin role can change the organisation’s settings.')).toBeVisible();
  await expectNoAxeFindings(page);
});

test('saving a webhook address gives the admin a signing secret, which they can copy and replace', async ({ page }) => {
  const email = uniqueEmail('secret-admin');
  createOrganisationWithAdmin(email, `Secret Test VRP ${randomUUID().slice(0, 8)}`);
  await signInAsStaff(page, email, PASSWORD);
  await page.goto('/staff/settings');
  const secret = page.getByLabel('Signing secret', { exact: true });
  await expect(page.getByText('A secret is made when you save a webhook address.')).toBeVisible();
  await expect(secret).toHaveCount(0);

  await page.getByLabel('Webhook address (optional)').fill('https://hooks.example.org/safeguarding');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  const first = await secret.inputValue();
  expect(first).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await page.getByRole('button', { name: 'Copy secret' }).click();
  await expect(page.locator('#webhook-secret ~ .copy-status')).toHaveText(/Secret copied\.|Could not copy\. The secret is selected/);
  await expectNoAxeFindings(page);

  await page.getByRole('button', { name: 'Make a new secret' }).click();
  await expect(page.getByRole('status')).toHaveText('A new webhook signing secret was made. The old one no longer works: give the new one to whoever runs the receiver.');
  const second = await secret.inputValue();
  expect(second).toMatch(/^whsec_/);
  expect(second).not.toBe(first);
  await expectNoAxeFindings(page);
});
