// The analyst's explorer: the analysis home lists what can be explored; the
// explorer filters the youth survey's demo responses, cross-tabs themes by a
// closed question, shows quotes with the evidence marked and withholds small
// and differenced figures. Everything at a phone's width, with axe on every
// state, keyboard only for the filters, and again with JavaScript off.
import { expect, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';

const screenshots = process.env.E2E_SCREENSHOTS;

test('a safeguarding lead has no Analysis link and may not open the pages', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.safeguarding.email);
  await expect(page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Analysis' })).toHaveCount(0);
  const res = await page.goto('/staff/analysis');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  await expectNoAxeFindings(page);
});

test('an analyst finds the surveys to explore on the analysis home', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Analysis' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analysis');
  const surveys = page.getByRole('list', { name: 'Surveys' });
  await expect(surveys.getByRole('link', { name: "Young people's safety survey", exact: true })).toBeVisible();
  const tools = page.getByRole('list', { name: 'Coding tools' });
  for (const name of ['Codebook', 'Double coding', 'Import free text']) await expect(tools.getByRole('link', { name })).toBeVisible();
  await expectNoAxeFindings(page);
  if (screenshots) await page.screenshot({ path: `${screenshots}/analysis-home.png`, fullPage: true });
});
