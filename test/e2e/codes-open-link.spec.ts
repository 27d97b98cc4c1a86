// Codes made while access is "Open link" are never asked for: the codes
// page, the printable slips and the class-code poster say so plainly, with
// the way to change access, and stop saying it once access needs a code.
import { expect, type Page, test } from '@playwright/test';
import { axeAt, DEMO_STAFF, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';

const WARNING = 'Respondents will not be asked for a code.';

async function checkWidths(page: Page, url: string, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await axeAt(page, url);
    await screenshotPage(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(url);
  expect(await sidewaysScroll(page), `sideways scroll at 320 px on ${url}`).toBeLessThanOrEqual(0);
}

test('codes pages warn that an open-link survey asks for no code, and link to change access', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto('/staff/questionnaires');
  const create = page.locator('form').filter({ has: page.locator('input[name="kind"][value="blank"]') });
  await create.getByLabel('Title', { exact: true }).fill(`Open link class ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`);
  await create.getByRole('radio').first().check();
  await create.getByRole('button', { name: 'Create blank questionnaire' }).click();
  const overview = page.url().replace(/\?.*$/, '');
  await expect(page.getByRole('radio', { name: 'Open link' })).toBeChecked();

  // A class code and a batch of slips, made while anyone with the link can start.
  await page.goto(`${overview}/codes`);
  await expect(page.locator('main')).toContainText(WARNING);
  await page.getByLabel('School').first().fill('Hillside Academy');
  await page.getByLabel('Class', { exact: true }).fill('9C');
  await page.getByRole('button', { name: 'Create class code' }).click();
  await page.getByRole('status').getByRole('link', { name: 'Print it as a poster' }).click();
  const poster = page.url();
  await expect(page.locator('.screen-only')).toContainText(WARNING);
  await page.goto(`${overview}/codes`);
  await page.getByLabel('How many codes').fill('2');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await page.getByRole('status').getByRole('link', { name: 'Print them as slips' }).click();
  const slips = page.url();
  await expect(page.locator('.screen-only')).toContainText(WARNING);
  await checkWidths(page, slips, 'codes-open-link-slips');
  await checkWidths(page, poster, 'codes-open-link-poster');
  await checkWidths(page, `${overview}/codes`, 'codes-open-link');

  // The warning leads to the access choice; once codes are needed it is gone.
  await page.getByRole('link', { name: 'Change access to “Access codes”' }).click();
  await expect(page.getByRole('radio', { name: 'Access codes' })).toBeVisible();
  await page.getByRole('radio', { name: 'Access codes' }).check();
  await page.getByRole('button', { name: 'Save access' }).click();
  await expect(page.getByRole('status')).toHaveText('Access saved.');
  for (const url of [`${overview}/codes`, poster, slips]) {
    await page.goto(url);
    await expect(page.locator('main')).not.toContainText(WARNING);
  }
});
