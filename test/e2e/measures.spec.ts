// Measures over time on the demo's series: an analyst reads each measure wave
// by wave (the chart, its table and the sentence to quote, a real increase
// and a "no statistically significant change"), plans the next wave, at a
// phone's width and at 320 px without sideways scrolling; an officer's wave
// form refuses a bad date with the field named; a strategy author reads the
// measures of success and adds a priority. Axe on every page, JavaScript off.
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, questionnaireIdOf, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';

async function openDemoSeries(page: Page) {
  await page.goto('/staff');
  await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Measures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Measures over time' })).toBeVisible();
  await expectNoAxeFindings(page);
  await page.getByRole('link', { name: 'Youth safety survey' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Youth safety survey' })).toBeVisible();
}

test.describe('measures over time', () => {
  test('an analyst reads each measure wave by wave, with the change in the right words', async ({ page }) => {
    await signInAsStaff(page, DEMO_STAFF.analyst.email);
    await openDemoSeries(page);
    const dark = page.getByRole('region', { name: 'Safe after dark' });
    await expect(dark.locator('.sentence')).toHaveText(/^In \d{4}, safe after dark: \d+% \(\d+–\d+%\) of 8–11 and 11–19 year olds, an increase from \d{4} \(\d+%\)\.$/);
    await expect(dark.getByRole('img', { name: 'Safe after dark, wave by wave, with 95% intervals' })).toBeVisible();
    await expect(dark.getByRole('table', { name: 'Safe after dark: change between waves' }).getByRole('cell', { name: 'Increase, allowing for clustering by school', exact: true })).toBeVisible();
    const school = page.getByRole('region', { name: 'Safe at school' });
    await expect(school.locator('.sentence')).toContainText('no statistically significant change from');
    // Every wave's figure is in a table, with its interval and design effect.
    const rows = dark.getByRole('table', { name: "Safe after dark: each wave's figure" }).locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.first().getByRole('cell').nth(3)).toHaveText(/^\d\.\d\d$/);
    await expectNoAxeFindings(page);
    await screenshotPage(page, 'measures-360', { maxHeight: 6000 });
    const download = await page.getByRole('link', { name: 'Download these figures as a spreadsheet (Excel, .xlsx)' }).getAttribute('href');
    const workbook = await page.request.get(download as string);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()['content-disposition']).toBe('attachment; filename="youth-safety-survey-measures.xlsx"');

    // Planning: the smallest change a wave of 400 could detect.
    await page.getByLabel('People expected to answer').fill('400');
    await page.getByRole('button', { name: 'Show the smallest change' }).click();
    const detectable = page.getByRole('table', { name: 'Smallest change a wave of 400 people could detect' });
    await expect(
      detectable
        .getByRole('row', { name: /Safe after dark/ })
        .getByRole('cell')
        .first()
    ).toHaveText(/^\d+\.\d points$/);
    await page.getByLabel('People expected to answer').fill('lots');
    await page.getByRole('button', { name: 'Show the smallest change' }).click();
    await expect(page.locator('#expected-error')).toContainText('Enter a whole number from 1 to 1,000,000');
    await expectNoAxeFindings(page);

    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(page.url().split('?')[0] as string);
      expect(await sidewaysScroll(page), `sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
      await screenshotPage(page, `measures-${width}`, { maxHeight: 6000 });
    }
  });

  test('the Measures page works with JavaScript off, planning form included', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signInAsStaff(page, DEMO_STAFF.analyst.email);
    await page.goto('/staff/measures');
    await page.getByRole('link', { name: 'Youth safety survey' }).click();
    await expect(page.getByRole('region', { name: 'Safe after dark' }).locator('.sentence')).toContainText('an increase from');
    await page.getByLabel('People expected to answer').fill('800');
    await page.getByRole('button', { name: 'Show the smallest change' }).click();
    await expect(page.getByRole('table', { name: 'Smallest change a wave of 800 people could detect' })).toBeVisible();
    await context.close();
  });

  test('the explorer of a survey in a wave sets its measures beside the wave before', async ({ page }) => {
    await signInAsStaff(page, DEMO_STAFF.analyst.email);
    await page.goto(`/staff/analysis/${await questionnaireIdOf('youth-safety-11-19')}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Over time' })).toBeVisible();
    const table = page.getByRole('table', { name: /^Perception of safety: the \d{4} wave beside \d{4}$/ });
    await expect(
      table
        .getByRole('row', { name: /^Safe after dark / })
        .getByRole('cell')
        .last()
    ).toHaveText('Increase');
    await expect(
      table
        .getByRole('row', { name: /^Safe at school / })
        .getByRole('cell')
        .last()
    ).toHaveText('No statistically significant change');
    await page.getByRole('link', { name: 'Youth safety survey' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Youth safety survey' })).toBeVisible();
    await page.goBack();
    await expectNoAxeFindings(page);
  });

  test('the designer plans a wave: the smallest change it could detect against the series', async ({ page }) => {
    await signInAsStaff(page, DEMO_STAFF.officer.email);
    await page.goto(`/staff/questionnaires/${await questionnaireIdOf('youth-safety-11-19')}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Planning a wave' })).toBeVisible();
    await page.getByLabel('People expected to answer').fill('400');
    await page.getByRole('button', { name: 'Show the smallest change' }).click();
    const table = page.getByRole('table', { name: 'Smallest change a wave of 400 people could detect' });
    await expect(
      table
        .getByRole('row', { name: /^Safe after dark / })
        .getByRole('cell')
        .first()
    ).toHaveText(/^\d+\.\d points$/);
    await expect(page.getByLabel('Series')).toHaveValue(/.+/);
    await expectNoAxeFindings(page);
  });

  test('an officer adds a wave, and a bad date is refused with the field named', async ({ page }) => {
    await signInAsStaff(page, DEMO_STAFF.officer.email);
    await openDemoSeries(page);
    await page.getByLabel('Name of the wave').fill('Next year');
    await page.getByLabel('Middle of the fieldwork').fill('2027-02-30');
    await page.getByRole('button', { name: 'Add wave' }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(page.getByRole('link', { name: 'Enter a real date, like 2026-06-15' })).toHaveAttribute('href', '#wave-fieldworkDate');
    await expect(page.getByLabel('Name of the wave')).toHaveValue('Next year');
    await expectNoAxeFindings(page);
  });

  test('a strategy author sees each measure of success with a status the data supports, and adds a priority', async ({ page }) => {
    await signInAsStaff(page, DEMO_STAFF.admin.email);
    await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Measures' }).click();
    await page.getByRole('link', { name: 'Strategy and measures of success' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Strategy and measures of success' })).toBeVisible();
    for (const priority of ['Key determinants of serious violence', 'Harm reduction', 'Perception of safety', 'Delivery of commitments']) {
      await expect(page.getByRole('heading', { level: 2, name: priority })).toBeVisible();
    }
    const safety = page.getByRole('region', { name: 'Perception of safety' });
    const dark = safety.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Young people who feel safe out in their area after dark' }) });
    await expect(dark.locator('.status')).toHaveText(/^(On track|Too early to tell)$/);
    await expect(dark).toContainText(/Change from \d{4} to \d{4}: \+\d+\.\d points \(95% interval/);
    await expectNoAxeFindings(page);
    await screenshotPage(page, 'strategy-360', { maxHeight: 6000 });

    await page.getByRole('button', { name: 'Add priority' }).click();
    await expect(page.getByRole('link', { name: 'Enter the priority, like “Perception of safety”' })).toBeVisible();
    const title = `Youth voice ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Priority', exact: true }).fill(title);
    await page.getByRole('button', { name: 'Add priority' }).click();
    await expect(page.getByRole('status')).toHaveText('Priority added.');
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expectNoAxeFindings(page);
  });

  // Last in this file (its tests run in order): the weighting is removed again before any other reads the series.
  test('an analyst weights the series to the population by gender, with JavaScript off, and every figure says it is weighted', async ({ browser, page: checked }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signInAsStaff(page, DEMO_STAFF.analyst.email);
    await page.goto('/staff/measures');
    await page.getByRole('link', { name: 'Youth safety survey' }).click();
    const seriesUrl = page.url();
    await expect(page.getByRole('region', { name: 'Safe after dark' }).locator('.sentence')).not.toContainText('weighted');
    await page.getByRole('link', { name: 'Weight the figures to the population' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Weight the figures to the population' })).toBeVisible();
    const gender = page.getByRole('group', { name: 'Which of these describes you?' });
    // Shares that do not add up are refused, the group named.
    await gender.getByLabel('Girl (%)').fill('49');
    await gender.getByLabel('Boy (%)').fill('41');
    await page.getByRole('button', { name: 'Save the weighting' }).click();
    await expect(page.getByRole('alert')).toContainText('The shares must add up to 100%; they add up to 90%');
    await expect(gender.getByLabel('Girl (%)')).toHaveValue('49');
    await screenshotPage(page, 'weighting-error-360', { maxHeight: 6000 });
    await gender.getByLabel('Boy (%)').fill('51');
    await page.getByRole('button', { name: 'Save the weighting' }).click();
    await expect(page.getByRole('status')).toHaveText('Weighting saved. Every figure below says whether it is weighted.');
    const summary = page.locator('#weighting-heading ~ ul').first();
    await expect(summary).toContainText(/\d{4}: weighted; the [\d,]+ people count as [\d,]+ chosen at random would/);
    const dark = page.getByRole('region', { name: 'Safe after dark' });
    await expect(dark.locator('.sentence')).toHaveText(/^In \d{4}, safe after dark: \d+% \(\d+–\d+%, weighted\) of 8–11 and 11–19 year olds, /);
    await expect(dark.getByRole('table', { name: "Safe after dark: each wave's figure" }).locator('tbody tr').first().getByRole('cell').nth(1)).toHaveText(/^\d+%, weighted$/);
    await screenshotPage(page, 'measures-weighted-360', { maxHeight: 6000 });

    // Axe runs in the page, so with JavaScript on: both pages as weighted.
    await signInAsStaff(checked, DEMO_STAFF.analyst.email);
    await checked.goto(seriesUrl);
    await expect(checked.getByRole('link', { name: 'Change the weighting' })).toBeVisible();
    await expectNoAxeFindings(checked);
    await checked.getByRole('link', { name: 'Change the weighting' }).click();
    await expect(checked.getByRole('group', { name: 'Which of these describes you?' }).getByLabel('Boy (%)')).toHaveValue('51');
    await expectNoAxeFindings(checked);

    await page.getByRole('link', { name: 'Change the weighting' }).click();
    await page.getByRole('button', { name: 'Stop weighting this series' }).click();
    await expect(page.getByRole('status')).toHaveText('The figures are no longer weighted.');
    await expect(page.getByRole('region', { name: 'Safe after dark' }).locator('.sentence')).not.toContainText('weighted');
    await context.close();
  });
});
