// The analyst's explorer. An officer publishes a copy of the youth survey of
// its own (so these counts are not disturbed by other tests), 47 young people
// answer it through the API, and the demo analyst explores it at a phone's
// width: prevalence chart and table, a filter and a group-by chosen with the
// keyboard only, the cross-tab with a small group withheld, quotes with the
// evidence marked, dates counted as whole weeks, and the notice when a filter
// would single out a few people by differencing. Axe on every state; the form
// again with JavaScript off; a safeguarding lead turned away.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { answerAll, publishedYouthSurvey, staffApi } from './survey-copies';

const KNIVES = 'Boys carry knives and people threaten you on snapchat, ring Sophie Smith on 07700 900123';
const ALLEY = 'The dark alley behind the shops at night';
const ONLINE = 'How safe do you feel online?';
const DAY = 'How safe do you feel going out in your area during the day?';

/**
 * A published copy of the youth survey, answered by 47 young people. Online,
 * 20 feel very safe, 22 quite safe and 5 not very safe. In their area during
 * the day, 27 feel very safe (10, 12 and 5 of those groups, every other one
 * of the first two writing about knives, the rest about a dark alley, and the
 * 5 about knives: 16 knives) and 20 quite safe (10 and 10: the first all
 * write about the alley, the second all about knives). 26 write about knives.
 * So the filter "very safe during the day" leaves out 0 or at least 10 of
 * every group and theme, and none of its figures are withheld for differencing.
 */
async function publishAndAnswer(request: APIRequestContext, title: string): Promise<string> {
  const survey = await publishedYouthSurvey(request, await staffApi(request, DEMO_STAFF.officer.email), title);
  const people = (online: string, day: string, texts: string[]) => texts.map((what_makes_unsafe) => ({ safe_online: online, safe_area_day: day, what_makes_unsafe }));
  const alternating = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? KNIVES : ALLEY));
  const all = (n: number, text: string) => new Array<string>(n).fill(text);
  await answerAll(request, survey, [
    ...people('very_safe', 'very_safe', alternating(10)),
    ...people('very_safe', 'quite_safe', all(10, ALLEY)),
    ...people('quite_safe', 'very_safe', alternating(12)),
    ...people('quite_safe', 'quite_safe', all(10, KNIVES)),
    ...people('not_very_safe', 'very_safe', all(5, KNIVES))
  ]);
  return survey.id;
}

/** A day as the explorer writes it, e.g. "7 December 2026". */
const inWords = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The Monday of a day's week (UTC), as YYYY-MM-DD. */
function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Press Tab until `target` has focus: proof it can be reached from the keyboard. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 300; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

const row = (page: Page, table: string, theme: string) => page.locator(`table.${table} tbody tr`).filter({ has: page.getByRole('rowheader', { name: theme, exact: true }) });

test.describe
  .serial('the explorer', () => {
    let id: string;
    let title: string;

    test.beforeAll(async ({ browser }) => {
      title = `Explorer test ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
      const context = await browser.newContext();
      id = await publishAndAnswer(context.request, title);
      await context.close();
    });

    test('an analyst explores themes, filters and groups with the keyboard, reads quotes and meets withheld figures', async ({ page }) => {
      test.setTimeout(120_000);
      await signInAsStaff(page, DEMO_STAFF.analyst.email);
      await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Analysis' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Analysis');
      const tools = page.getByRole('list', { name: 'Coding tools' });
      for (const name of ['Codebook', 'Double coding', 'Import free text']) await expect(tools.getByRole('link', { name })).toBeVisible();
      await expectNoAxeFindings(page);
      await screenshotPage(page, 'analysis-home');

      await page.getByRole('list', { name: 'Surveys' }).getByRole('link', { name: title, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/staff/analysis/${id}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

      // The background coder codes the answers within seconds.
      await expect(async () => {
        await page.reload();
        await expect(row(page, 'themes-table', 'Knives & weapons').locator('td').first()).toHaveText('26', { timeout: 1000 });
      }).toPass({ timeout: 60_000, intervals: [1000] });
      await expect(page.getByText('47 respondents match these filters')).toBeVisible();
      await expect(page.getByRole('img', { name: /Bar chart: share of respondents mentioning each theme/ })).toBeVisible();
      const knives = row(page, 'themes-table', 'Knives & weapons').locator('td');
      await expect(knives.nth(1)).toHaveText('55%');
      await expect(knives.nth(2)).toHaveText(/^\d+–\d+%$/);
      // Withheld, and beneath the count, which rule withheld it; the table's notes say what that rule means.
      await expect(row(page, 'themes-table', 'School exclusion').locator('td')).toHaveText([/^\[c\]\s*under 10 (counted|not counted)$/, '[c]', '[c]']);
      await expect(page.locator('#theme-table-notes')).toContainText('Too few people: fewer than 10 people in the group answered');
      await expect(page.getByRole('region', { name: /Respondents mentioning each theme/ })).toBeVisible();
      await expectNoAxeFindings(page);
      await screenshotPage(page, 'explorer-all');

      // Keyboard only: to the form, open the question's section, tick an answer, choose a group, apply.
      await tabTo(page, page.getByRole('link', { name: 'Change filters' }));
      await page.keyboard.press('Enter');
      const section = page.locator('details').filter({ has: page.locator('summary', { hasText: DAY }) });
      await expect(section).not.toHaveAttribute('open');
      await tabTo(page, section.locator('summary'));
      await page.keyboard.press('Enter');
      await expect(section).toHaveAttribute('open');
      await tabTo(page, section.getByLabel('Very safe', { exact: true }));
      await page.keyboard.press('Space');
      await tabTo(page, page.getByLabel('Group by'));
      await page.keyboard.type(ONLINE);
      await expect(page.getByLabel('Group by')).toHaveValue('safe_online');
      await tabTo(page, page.getByRole('button', { name: 'Apply filters' }));
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(/f\.safe_area_day=very_safe/);
      await expect(page).toHaveURL(/by=safe_online/);
      const showing = page.getByRole('region', { name: 'Showing' });
      await expect(showing).toContainText(`${DAY}: Very safe`);
      await expect(showing).toContainText(`Grouped by “${ONLINE}”`);
      await expect(page.getByText('27 respondents match these filters')).toBeVisible();
      await expect(row(page, 'themes-table', 'Knives & weapons').locator('td')).toHaveText(['16', '59%', /^\d+–\d+%$/]);
      // The section with a ticked answer stays open, and says so.
      await expect(section).toHaveAttribute('open');
      await expect(section.locator('summary')).toContainText('(1 chosen)');

      // The cross-tab: one column per answer, the group of 5 withheld, and the 10 with it (27 − 12 would give 15 away).
      const crosstab = page.getByRole('table', { name: `Respondents mentioning each theme, by “${ONLINE}”` });
      await expect(crosstab).toBeVisible();
      await expect(crosstab.getByRole('columnheader', { name: 'Quite safe n = 12' })).toBeVisible();
      // Each withheld group says which rule withheld it: the 5 are too few, the 10 protect them.
      await expect(crosstab.getByRole('columnheader', { name: 'Very safe n = [c] protects another cell', exact: true })).toBeVisible();
      await expect(crosstab.getByRole('columnheader', { name: 'Not very safe n = [c] under 10 in group' })).toBeVisible();
      await expect(page.getByRole('region', { name: `Respondents mentioning each theme, by “${ONLINE}”` })).toBeVisible();
      await expect(page.locator('#crosstab-notes')).toContainText('Protects another cell: not small itself');
      await expect(page.getByText('Protects another cell', { exact: true })).toBeVisible();
      await expectNoAxeFindings(page);
      await screenshotPage(page, 'explorer-filtered');

      // Quotes for a theme: redacted, the coded words marked.
      await page.getByRole('navigation', { name: 'Show quotes about:' }).getByRole('link', { name: 'Knives & weapons' }).click();
      await expect(page).toHaveURL(/theme=knives_weapons#quotes/);
      await expect(page).toHaveURL(/f\.safe_area_day=very_safe/);
      const quote = page.locator('blockquote').filter({ hasText: 'threaten you on snapchat' }).first();
      await expect(quote).toContainText('ring [name] on [phone]');
      await expect(quote.locator('mark').first()).toBeVisible();
      await expect(page.locator('main')).not.toContainText('Sophie');
      await expect(page.getByText(/Quotes are redacted/)).toBeVisible();
      await expectNoAxeFindings(page);
      await screenshotPage(page, 'explorer-quotes');

      // Dates are whole weeks: today alone is this week, and the page says so.
      const today = new Date().toISOString().slice(0, 10);
      await page.goto(`/staff/analysis/${id}?from=${today}&to=${today}`);
      await expect(page.getByRole('region', { name: 'Showing' })).toContainText(`Submitted in the week of ${inWords(mondayOf(today))}`);
      await expect(page.getByLabel('Submitted from')).toHaveValue(mondayOf(today));
      await expect(page.getByText('47 respondents match these filters')).toBeVisible();

      // Very safe or quite safe leaves out only the 5 not very safe: comparing with the whole would describe them.
      await page.goto(`/staff/analysis/${id}?f.safe_online=very_safe&f.safe_online=quite_safe`);
      await expect(page.locator('.notice')).toContainText('Some figures are withheld');
      await expect(page.getByText(/number of respondents matching these filters is withheld/)).toBeVisible();
      await expect(page.getByRole('table', { name: /Respondents mentioning each theme/ })).toHaveCount(0);
      await expectNoAxeFindings(page);
      await screenshotPage(page, 'explorer-differencing');
    });

    test('a filter the explorer cannot use shows an error summary linking to its field; an unknown questionnaire is not found', async ({ page }) => {
      await signInAsStaff(page, DEMO_STAFF.analyst.email);
      await page.goto(`/staff/analysis/${id}?from=2026-02-31`);
      await expect(page).toHaveTitle(/^Error: /);
      const summary = page.locator('.error-summary');
      await expect(summary).toBeFocused();
      await summary.getByRole('link').first().click();
      await expect(page.getByLabel('Submitted from')).toBeFocused();
      await expectNoAxeFindings(page);
      await screenshotPage(page, 'explorer-error');

      // A questionnaire that is not there (or another organisation's) is not found.
      const missing = await page.goto(`/staff/analysis/${randomUUID()}`);
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    });

    test('the filter form works with JavaScript off', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await signInAsStaff(page, DEMO_STAFF.analyst.email);
      await page.goto(`/staff/analysis/${id}`);
      const section = page.locator('details').filter({ has: page.locator('summary', { hasText: DAY }) });
      await section.locator('summary').click();
      await section.getByLabel('Quite safe', { exact: true }).check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page).toHaveURL(/f\.safe_area_day=quite_safe/);
      await expect(page.getByRole('region', { name: 'Showing' })).toContainText(`${DAY}: Quite safe`);
      await expect(page.getByText('20 respondents match these filters')).toBeVisible();
      await expect(section.getByLabel('Quite safe', { exact: true })).toBeChecked();
      // (axe needs JavaScript; these states are checked with it above.)
      await context.close();
    });
  });

test('the demo responses can be explored by school', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis');
  await page.getByRole('list', { name: 'Surveys' }).getByRole('link', { name: "Young people's safety survey", exact: true }).click();
  await expect(page.getByText(/[\d,]+ respondents match these filters/)).toBeVisible();
  await page.getByLabel('Group by').selectOption({ label: 'School' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/by=school/);
  const crosstab = page.getByRole('table', { name: 'Respondents mentioning each theme, by “School”' });
  await expect(crosstab.getByRole('columnheader', { name: /^Northfield Academy n = [\d,]+$/ })).toBeVisible();
  await expect(
    crosstab
      .locator('td')
      .filter({ hasText: /^\d+% \([\d,]+\)/ })
      .first()
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart: share of each group mentioning/ })).toBeVisible();
  // On a phone the advice to scroll sideways follows the hint as a sentence of its own.
  await expect(page.getByText(/n is the number in the group\. Scroll sideways to see every group\./)).toBeVisible();
  // The perception-of-safety measures, school by school.
  const measures = page.getByRole('table', { name: 'Perception-of-safety measures by “School”' });
  await expect(measures.getByRole('columnheader', { name: 'Northfield Academy' })).toBeVisible();
  const atSchool = measures.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Safe at school' }) });
  await expect(atSchool.getByRole('cell').first()).toContainText(/^\s*\d+%\s*95% interval: \d+–\d+%\s*n = [\d,]+\s*$/);
  // Every withheld measure says beneath its [c] which rule withheld it, and the table's notes explain each rule it used.
  const withheldCells = measures.locator('td').filter({ hasText: /^\s*\[c\]/ });
  const total = await withheldCells.count();
  for (let i = 0; i < total; i++) {
    await expect(withheldCells.nth(i)).toContainText(/\[c\]\s*(under 10 in group|under 10 counted|under 10 not counted|protects another cell|differencing|none by definition)/);
  }
  if (total > 0) await expect(page.locator('#measures-by-group-notes')).toContainText(/in this table/);
  await expectNoAxeFindings(page);
  await screenshotPage(page, 'explorer-demo-school');
  await page.setViewportSize({ width: 1280, height: 800 });
  // On a laptop the four schools fit, so there is no advice to scroll sideways.
  await expect(page.getByText('Scroll sideways to see every group.').first()).toBeHidden();
  expect(await page.locator('#measures-by-group').evaluate((table) => table.scrollWidth <= (table.parentElement?.clientWidth ?? 0))).toBe(true);
  await expectNoAxeFindings(page);
  await screenshotPage(page, 'explorer-demo-school-1280', { maxHeight: 9600 });
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
});

test('a filter that leaves no one in a measure’s base says none by definition, not fewer than 10', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis');
  await page.getByRole('list', { name: 'Surveys' }).getByRole('link', { name: "Young people's safety survey", exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Perception of safety' })).toBeVisible();
  // “I don't know” is left out of “Safe at school”'s base: choosing only it leaves no one to count.
  await page.goto(`${page.url().split('?')[0]}?f.safe_at_school=dont_know`);
  const measures = page.getByRole('table', { name: 'Each measure as a share of the respondents who answered it' });
  const atSchool = measures.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Safe at school/ }) });
  await expect(atSchool.getByRole('cell')).toHaveText([/^\[c\]\s*none by definition$/, /^\[c\]\s*none by definition$/]);
  await expect(page.locator('#measure-table-notes')).toContainText('None by definition: the filters leave no one who could be counted');
  // The chart beside it says the same.
  await expect(page.getByRole('img', { name: /Bar chart: each perception-of-safety measure/ })).toContainText('not shown: none by definition');
  await expectNoAxeFindings(page);
  await screenshotPage(page, 'explorer-none-by-definition', { maxHeight: 2400 });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoAxeFindings(page);
  await screenshotPage(page, 'explorer-none-by-definition-1280', { maxHeight: 2400 });
});

test('an analyst reads how safe the demo’s young people feel, then at one school', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis');
  await page.getByRole('list', { name: 'Surveys' }).getByRole('link', { name: "Young people's safety survey", exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Perception of safety' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart: each perception-of-safety measure/ })).toBeVisible();
  const measures = page.getByRole('table', { name: 'Each measure as a share of the respondents who answered it' });
  const atSchool = () =>
    measures
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Safe at school/ }) })
      .getByRole('cell');
  await expect(atSchool().nth(0)).toHaveText(/^\d+%\s*95% interval: \d+–\d+%$/);
  const answered = async () => Number((await atSchool().nth(1).textContent())?.replace(/,/g, ''));
  const everyone = await answered();
  expect(everyone).toBeGreaterThan(100);

  // How each measure is counted, opened from the keyboard.
  const counting = page.locator('summary', { hasText: 'How each measure is counted' });
  await counting.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Counts “Very safe”, “Quite safe”\. Left out of the base: “I don't know”/).first()).toBeVisible();
  await expectNoAxeFindings(page);
  await screenshotPage(page, 'explorer-measures');

  // The same figures to take away, as a spreadsheet (its contents are checked in the API's tests).
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these figures as a spreadsheet (Excel, .xlsx)' }).click()]);
  expect(download.suggestedFilename()).toBe('young-people-s-safety-survey-figures.xlsx');
  const file = await readFile((await download.path()) as string);
  expect(file.subarray(0, 2).toString()).toBe('PK');
  expect(file.length).toBeGreaterThan(5000);

  // One school: fewer answered, and the figures are theirs.
  await page.goto(`${page.url()}?f.school=${encodeURIComponent('Northfield Academy')}`);
  await expect(page.getByRole('region', { name: 'Showing' })).toContainText('School: Northfield Academy');
  const atNorthfield = await answered();
  expect(atNorthfield).toBeGreaterThan(0);
  expect(atNorthfield).toBeLessThan(everyone);
  await expectNoAxeFindings(page);
});

test('a safeguarding lead has no Analysis link and may not open the pages', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.safeguarding.email);
  await expect(page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Analysis' })).toHaveCount(0);
  for (const path of ['/staff/analysis', `/staff/analysis/${randomUUID()}`]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
    await expectNoAxeFindings(page);
  }
});
