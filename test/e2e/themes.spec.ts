// Theme prevalence: answers sent through the API are coded by the server's
// background coder, and an officer sees the chart, the table (small numbers
// withheld as [c]) and redacted quotes with the evidence highlighted. The
// demo surveys come with demo responses, so the test answers a published
// copy of the youth survey of its own.
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';
import { answerAll, publishedYouthSurvey, staffApi, unsafe } from './survey-copies';

const UNSAFE = 'Boys carry knives and people threaten you on snapchat, ring Sophie Smith on 07700 900123';

/** The first choice for every required question, and our free text. */

/** An officer publishes a copy of the youth survey; returns its id, version and definition. */
/** An officer publishes a copy of the youth survey. */
async function publishedCopy(request: APIRequestContext) {
  const title = `Prevalence test ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  return publishedYouthSurvey(request, await staffApi(request, DEMO_STAFF.officer.email), title);
}

const row = (page: Page, theme: string) => page.locator('table.themes-table tbody tr').filter({ has: page.getByRole('rowheader', { name: theme, exact: true }) });

test('an officer sees theme prevalence, withheld small numbers and redacted quotes', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const officer = await browser.newContext();
  const survey = await publishedCopy(officer.request);
  const { id } = survey;
  await officer.close();
  // 12 about knives and snapchat, 10 not: both sides of each figure are at least 10.
  await answerAll(
    page.request,
    survey,
    Array.from({ length: 22 }, (_, i) => unsafe(i < 12 ? UNSAFE : 'The dark alley behind the shops at night'))
  );

  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto(`/staff/questionnaires/${id}`);
  await page.getByRole('link', { name: 'Themes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes in free-text answers');
  await page.getByLabel('Question', { exact: true }).selectOption('what_makes_unsafe');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/question=what_makes_unsafe/);

  // The background coder picks the answers up within a few seconds.
  await expect(async () => {
    await page.reload();
    await expect(row(page, 'Knives & weapons').locator('td').first()).not.toHaveText('[c]', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  const chart = page.getByRole('img', { name: /Bar chart/ });
  await expect(chart).toBeVisible();
  await expect(page.locator('figcaption')).toContainText(/The most common theme was .+: \d+% \(95% CI \d+–\d+%\) of [\d,]+ answers\./);
  const knives = row(page, 'Knives & weapons').locator('td');
  expect(Number(await knives.nth(0).textContent())).toBeGreaterThanOrEqual(12);
  await expect(knives.nth(1)).toHaveText(/^\d+%$/);
  await expect(knives.nth(2)).toHaveText(/^\d+–\d+%$/);
  // Nobody wrote about exclusion: withheld, as are all figures under 10.
  await expect(row(page, 'School exclusion').locator('td')).toHaveText(['[c]', '[c]', '[c]']);
  await expect(page.getByText(/\[c\] means the figure is withheld/)).toBeVisible();

  const quote = page.locator('blockquote').filter({ hasText: 'threaten you on snapchat' }).first();
  await expect(quote).toContainText('ring [name] on [phone]');
  await expect(quote.locator('mark').first()).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Sophie');
  await expect(page.locator('main')).not.toContainText('07700');
  await expectNoAxeFindings(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(chart).toBeVisible();
  await expectNoAxeFindings(page);
});
