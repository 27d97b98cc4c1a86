import { expect, type Page, test } from '@playwright/test';
import { answerCurrentPage, currentPageId, DEMO_STAFF, definitionOf, expectNoAxeFindings, signInAsStaff } from './helpers';

const SLUG = 'youth-safety-11-19';
const PHRASE = 'my stepdad hits me when he is drunk';

/** The youth survey, with the disclosure in one free-text answer and everyday text in the others. */
async function completeYouthSurvey(page: Page, disclosure: string) {
  const { definition } = await definitionOf(page, SLUG);
  await page.goto(`/s/${SLUG}`);
  await page.getByRole('button', { name: /Start now/ }).click();
  for (let guard = 0; guard < 60 && currentPageId(page); guard++) {
    await answerCurrentPage(page, definition);
    const box = page.locator('#what_makes_unsafe');
    if ((await box.count()) > 0) await box.fill(disclosure);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
}

test('a safeguarding lead finds a disclosure under New, refers it and sees it move', async ({ page, browser }) => {
  const suffix = `${Date.now()} ${Math.random().toString(36).slice(2, 8)}`;
  const disclosure = `${PHRASE} (safeguarding test ${suffix})`;
  const respondent = await browser.newPage();
  await completeYouthSurvey(respondent, disclosure);
  await respondent.close();

  await signInAsStaff(page, DEMO_STAFF.safeguarding.email);
  await expect(page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: /^Safeguarding \(\d+ new\)$/ })).toBeVisible();
  await page.getByRole('link', { name: 'Safeguarding queue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Safeguarding queue \(\d+ new\)$/);
  await expect(page.getByText('These answers may describe abuse or harm.')).toBeVisible();

  // The background coder flags it within seconds; the queue page is reloaded until it shows.
  const item = page.locator('.flag-list > li').filter({ hasText: suffix });
  await expect(async () => {
    await page.goto('/staff/safeguarding');
    await expect(item).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 20_000, intervals: [1000] });
  await expect(page.getByRole('link', { name: /^New \(\d+\)$/ })).toHaveAttribute('aria-current', 'page');
  await expect(item.locator('mark').first()).toContainText(/stepdad|hits|drunk/);
  await expect(item).toContainText('What makes you feel unsafe?');
  await expect(item).toContainText('Age band');
  await expectNoAxeFindings(page);

  await item.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Safeguarding flag');
  await expect(page.locator('.flag-answer')).toContainText(disclosure);
  await expectNoAxeFindings(page);

  // Referred needs a note saying to whom.
  await page.getByLabel('Referred').check();
  await page.getByRole('button', { name: 'Save' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('Enter a note saying who it was referred to');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Referred')).toBeChecked();
  await expect(page.getByLabel('Note')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeFindings(page);
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Note')).toBeFocused();

  await page.getByLabel('Note').fill('Referred to the school DSL and children’s services');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved. This flag is now marked Referred.');
  await expectNoAxeFindings(page);

  await page.goto('/staff/safeguarding?status=referred');
  await expect(page.locator('.flag-list > li').filter({ hasText: suffix })).toHaveCount(1);
  await page.goto('/staff/safeguarding');
  await expect(page.locator('.flag-list > li').filter({ hasText: suffix })).toHaveCount(0);
});

test('other staff are told the safeguarding queue is not for them', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await expect(page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: /Safeguarding/ })).toHaveCount(0);
  const res = await page.goto('/staff/safeguarding');
  expect(res?.status()).toBe(403);
  expect(res?.headers()['cache-control']).toBe('no-store');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  await expectNoAxeFindings(page);
});
