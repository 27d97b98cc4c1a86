// The whole story of issue 4 in one journey: an officer turns a template into
// a live questionnaire handed out by class code, a pupil answers it with
// JavaScript off, and a second version leaves the first one's answers alone.
import { createClient } from '@libsql/client';
import { expect, test } from '@playwright/test';
import { answerAllPages, DEMO_STAFF, definitionOf, signInAsStaff, storedWithText, uniqueText } from './helpers';
import { fillPrivacyDetails, makeLive } from './publishing';

async function versionRow(versionId: string) {
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    const rows = await client.execute({ sql: 'SELECT definition, published_at FROM questionnaire_versions WHERE id = ?', args: [versionId] });
    return { definition: JSON.parse(String(rows.rows[0]?.definition)), publishedAt: rows.rows[0]?.published_at };
  } finally {
    client.close();
  }
}

test('template → live with a class code → answered without JavaScript → version 2 leaves version 1 alone', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Town centre safety ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  await signInAsStaff(page, DEMO_STAFF.officer.email);

  // From a template, through the list page.
  await page.goto('/staff/questionnaires');
  const create = page.locator('form').filter({ has: page.locator('input[name="kind"][value="template"]') });
  await create.locator('input[name="slug"][value="community-safety-residents"]').check();
  await create.getByLabel('Title (optional)').fill(title);
  await create.getByRole('button', { name: 'Create from template' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const overview = page.url().replace(/\?.*$/, '');

  // Publish, require codes, make a class code.
  await fillPrivacyDetails(page, overview);
  await makeLive(page);
  await expect(page.locator('.status')).toHaveText('Live');
  const slugPath = new URL(await page.getByLabel('Address to share').inputValue()).pathname;
  await page.getByLabel('Access codes').check();
  await page.getByRole('button', { name: 'Save access' }).click();
  await page.goto(`${overview}/codes`);
  await page.getByLabel('School').first().fill('Hillside Academy');
  await page.getByLabel('Class', { exact: true }).fill('9C');
  await page.getByRole('button', { name: 'Create class code' }).click();
  const code = (await page.getByRole('status').locator('.code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  // A respondent on a locked-down tablet: no JavaScript, the class code from the board.
  const slug = slugPath.split('/').pop() as string;
  const { versionId: firstVersion, definition } = await definitionOf(page, slug);
  const text = uniqueText('class code');
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const respondent = await context.newPage();
  await respondent.goto(slugPath);
  await respondent.getByLabel('Access code').fill(code);
  await respondent.getByRole('button', { name: /Start now/ }).click();
  await answerAllPages(respondent, definition, undefined, text);
  await respondent.getByRole('button', { name: 'Send my answers' }).click();
  await expect(respondent.getByRole('heading', { level: 1 })).toContainText('Thank you');
  // Back on the shared tablet: the answers were sent (not "cleared"), and the next pupil starts again with the class code.
  await respondent.goBack();
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('You have already sent your answers');
  await expect(respondent.getByText('If your class shares one code, the next person can start from the beginning.')).toBeVisible();
  await respondent.getByRole('link', { name: 'Answer the survey again from the start' }).click();
  await expect(respondent.getByLabel('Access code')).toBeVisible();
  await context.close();
  const [answered] = await storedWithText(firstVersion, text);
  expect(answered).toBeDefined();

  // Version 2: a new title, published; version 1 and its response stay as they were.
  await page.goto(`${overview}/edit`);
  await page.getByLabel('Title', { exact: true }).fill(`${title} (autumn)`);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.goto(overview);
  await makeLive(page);
  await expect(page.locator('.status')).toHaveText('Live');
  const { versionId: secondVersion } = await definitionOf(page, slug);
  expect(secondVersion).not.toBe(firstVersion);

  const v1 = await versionRow(firstVersion);
  expect(v1.definition.title).toBe(title);
  expect(v1.publishedAt).not.toBeNull();
  expect(await storedWithText(firstVersion, text)).toEqual([answered]);
  expect(await storedWithText(secondVersion, text)).toEqual([]);
});
