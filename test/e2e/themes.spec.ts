// The old per-questionnaire Themes page is retired: theme prevalence is shown
// only by the explorer (explorer.spec.ts covers its figures, withheld small
// numbers and redacted quotes). Its link and its address, bookmarks
// included, lead to the explorer's view of the same questionnaire.
import { expect, test } from '@playwright/test';
import { DEMO_STAFF, signInAsStaff } from './helpers';
import { publishedYouthSurvey, staffApi } from './survey-copies';

test('the Themes link and the old Themes address lead to the explorer, keeping the question', async ({ page, browser }) => {
  const officer = await browser.newContext();
  const title = `Themes redirect test ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  const { id } = await publishedYouthSurvey(officer.request, await staffApi(officer.request, DEMO_STAFF.officer.email), title);
  await officer.close();

  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto(`/staff/questionnaires/${id}`);
  await page.getByRole('link', { name: 'Themes, in the explorer' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/analysis/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  await page.goto(`/staff/questionnaires/${id}/themes?question=what_makes_unsafe`);
  await expect(page).toHaveURL(new RegExp(`/staff/analysis/${id}\\?question=what_makes_unsafe$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});
