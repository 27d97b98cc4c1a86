// A consultation report composed in the staff console with JavaScript off,
// from the demo content: the demo's strategy author creates a report on the
// demo "Youth safety survey" series, writes its summary, picks "Safe after
// dark" and a measure of success, a theme and a quote, adds a "You said, we
// did" row (a blank one is refused first), reorders the sections, removes
// one after confirming, is told when someone else saved meanwhile, previews
// and publishes it; then anyone, not signed in, reads the public report, its
// easy-read version and the organisation's "You said, we did" page. Axe on
// every page; no sideways scrolling at 320 px. The report's title is the
// test's own, so parallel tests on the shared demo do not meet it.
import { expect, type Page, test } from '@playwright/test';
import { answerCurrentPage, axeAt, currentPageId, definitionOf, DEMO_STAFF, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';

/** At a phone's narrowest and a desktop's width: no sideways scrolling, and a picture of each when asked. */
async function atWidths(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    expect(await sidewaysScroll(page), `sideways scrolling at ${width} px on ${page.url()}`).toBeLessThanOrEqual(0);
    await screenshotPage(page, `${name}-${width}`, { maxHeight: 8000 });
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

/** The builder after a change: its notice, and the version its forms change (pinned in the address). */
const doneAt = (builder: string, done: string) => new RegExp(`^${builder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?done=${done}&at=\\d+$`);

const sectionHeadings = (page: Page) => page.locator('.sections h3').allTextContents();

test('a strategy author composes, previews and publishes a report with JavaScript off; anyone reads it', async ({ browser, page: checker }) => {
  test.setTimeout(180_000);
  const stamp = `${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;
  const title = `Youth safety ${stamp}: what you told us`;
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.author.email);
  await signInAsStaff(checker, DEMO_STAFF.author.email);

  // The list, from the staff navigation, and a report made on the demo series.
  await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation reports' })).toBeVisible();
  await axeAt(checker, '/staff/reports');
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('link', { name: /Enter a title for the report/ })).toHaveAttribute('href', '#report-title');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Series of surveys it covers').selectOption({ label: 'Youth safety survey' });
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(page).toHaveURL(/\/staff\/reports\/[^/?]+\?done=created&at=1$/);
  const builder = page.url().replace(/\?.*$/, '');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Report created');
  expect(await sectionHeadings(page)).toEqual(['Summary', 'How we did this', 'How safe people feel', 'What people told us', 'You said, we did']);
  await axeAt(checker, builder);
  await atWidths(page, 'report-builder');

  // The summary, in the author's words.
  await page.getByRole('link', { name: 'Edit section Summary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Summary' })).toBeVisible();
  await axeAt(checker, page.url());
  await page.getByLabel('Summary', { exact: true }).fill('More than a thousand young people told us how safe they feel.\n\nThank you to every school that took part.');
  await page.getByRole('button', { name: 'Save section' }).click();
  await expect(page).toHaveURL(doneAt(builder, 'saved'));
  await expect(page.locator('.sections li').first()).toContainText('More than a thousand young people');

  // The methodology is filled in; the author sees what it will say.
  await page.getByRole('link', { name: 'Edit section How we did this' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'What the report will say' })).toBeVisible();
  await axeAt(checker, page.url());
  await page.getByLabel('Your notes on method (optional)').fill('Schools chose which classes took part.');
  await page.getByRole('button', { name: 'Save section' }).click();
  await expect(page).toHaveURL(doneAt(builder, 'saved'));
  await expect(page.locator('.sections li').nth(1)).toContainText('Filled in from the figures, with your notes.');

  // Perception of safety: "Safe after dark" and a measure of success.
  await page.getByRole('link', { name: 'Edit section How safe people feel' }).click();
  await page.getByRole('group', { name: 'Measures to show' }).getByRole('checkbox', { name: 'Safe after dark' }).check();
  await page
    .getByRole('group', { name: 'Measures of success to show' })
    .getByRole('checkbox', { name: /Young people who feel safe out in their area after dark/ })
    .check();
  await axeAt(checker, page.url());
  await page.getByRole('button', { name: 'Save section' }).click();
  await expect(page).toHaveURL(doneAt(builder, 'saved'));
  await expect(page.locator('.sections li').nth(2)).toContainText('1 measure, 1 measure of success');

  // What people told us: a theme, then a quote from its redacted quotes.
  await page.getByRole('link', { name: 'Edit section What people told us' }).click();
  await axeAt(checker, page.url());
  await page.getByRole('group', { name: 'Themes to show' }).getByRole('checkbox', { name: 'Things to do & youth services' }).check();
  await page.getByRole('button', { name: 'Save section' }).click();
  await expect(page.getByRole('status')).toHaveText('Section saved.');
  await page.getByRole('link', { name: 'Choose quotes for Things to do & youth services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quotes for Things to do & youth services' })).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'report-quotes');
  const quotes = page.getByRole('group', { name: 'Quotes to show' });
  const firstQuote = quotes.getByRole('checkbox', { disabled: false }).first();
  const quoteText = ((await quotes.locator('.choice:has(input:not([disabled])) label').first().textContent()) ?? '').replace(/^“|”$/g, '');
  expect(quoteText.length).toBeGreaterThan(10);
  await firstQuote.check();
  // More quotes than the first ten of each questionnaire, keeping what is ticked; flagged ones still cannot be chosen.
  const before = await quotes.getByRole('checkbox').count();
  await page.getByRole('button', { name: 'Show more quotes' }).click();
  await expect(page).toHaveURL(/[?&]shown=20(&|#|$)/);
  expect(await quotes.getByRole('checkbox').count()).toBeGreaterThan(before);
  await expect(firstQuote).toBeChecked();
  await expect(quotes.locator('.choice:has(strong) input:not([disabled])')).toHaveCount(0);
  await axeAt(checker, page.url());
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByRole('status')).toHaveText('Theme saved.');
  await expect(page.getByRole('listitem').filter({ hasText: 'Choose quotes for Things to do & youth services' })).toContainText('1 quote chosen');

  // You said, we did: a blank row is refused with its fields named; then a row.
  await page.goto(builder);
  await page.getByRole('link', { name: 'Edit section You said, we did' }).click();
  await page.getByRole('link', { name: 'Add a row' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a row to “You said, we did”' })).toBeVisible();
  await axeAt(checker, page.url());
  await page.getByRole('button', { name: 'Save row' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('link', { name: 'Enter what people said, like “Nowhere to go after school”' })).toHaveAttribute('href', '#row-youSaid');
  await expect(page.getByRole('link', { name: 'Choose planned, in progress or done' })).toHaveAttribute('href', '#row-status-planned');
  await page.getByLabel('You said').fill('Nowhere to go after school');
  await page.getByLabel('We did').fill(`Funded two youth sessions in Midsomer Norton (${stamp})`);
  await page.getByLabel('Strategy priority').selectOption({ label: 'Delivery of commitments' });
  await page.getByRole('group', { name: 'Status' }).getByRole('radio', { name: 'In progress' }).check();
  await page.getByRole('button', { name: 'Save row' }).click();
  await expect(page.getByRole('status')).toHaveText('Row saved.');
  await expect(page.getByText('Nowhere to go after school')).toBeVisible();
  await axeAt(checker, page.url().replace(/\?.*$/, ''));
  await atWidths(page, 'report-you-said-section');
  await page.getByRole('link', { name: 'Change row 1' }).click();
  await expect(page.getByLabel('You said')).toHaveValue('Nowhere to go after school');
  await expect(page.getByRole('radio', { name: 'In progress' })).toBeChecked();
  await axeAt(checker, page.url());
  // Only the row's own priority's measures of success are offered; another's is refused on the field.
  const measureChoices = () => page.getByLabel('Measure of success (optional)').locator('option').allTextContents();
  expect((await measureChoices()).filter((m) => m.endsWith('(Perception of safety)'))).toEqual([]);
  await page.getByLabel('Strategy priority').selectOption({ label: 'Perception of safety' });
  await page.getByRole('button', { name: 'Save row' }).click();
  await expect(page.getByRole('status')).toHaveText('Row saved.');
  await page.getByRole('link', { name: 'Change row 1' }).click();
  expect((await measureChoices()).filter((m) => m !== 'None' && !m.endsWith('(Perception of safety)'))).toEqual([]);
  await page.getByLabel('Measure of success (optional)').selectOption({ label: 'Young people who feel safe out in their area after dark (Perception of safety)' });
  await page.getByRole('radio', { name: 'Done' }).check();
  await page.getByRole('button', { name: 'Save row' }).click();
  await expect(page.getByRole('status')).toHaveText('Row saved.');
  await expect(page.locator('.rows dd').filter({ hasText: /^Done$/ })).toHaveCount(1);

  // Reordering with buttons; a section added and removed.
  await page.goto(builder);
  await page.getByRole('button', { name: 'Move up section You said, we did' }).click();
  await expect(page.getByRole('status')).toHaveText('Section moved.');
  expect(await sectionHeadings(page)).toEqual(['Summary', 'How we did this', 'How safe people feel', 'You said, we did', 'What people told us']);
  await page
    .getByRole('group', { name: 'Kind of section' })
    .getByRole('radio', { name: /^Summary/ })
    .check();
  await page.getByRole('button', { name: 'Add section' }).click();
  await expect(page.getByRole('status')).toHaveText('Section added.');
  expect(await sectionHeadings(page)).toHaveLength(6);
  await page.getByRole('link', { name: 'Remove section Summary' }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Are you sure you want to remove the section “Summary”?' })).toBeVisible();
  await axeAt(checker, page.url());
  await page.getByRole('button', { name: 'Yes, remove the section' }).click();
  await expect(page.getByRole('status')).toHaveText('Section removed.');
  expect(await sectionHeadings(page)).toHaveLength(5);

  // The easy-read version, written by the author: all three findings are needed.
  await page.getByRole('link', { name: 'Edit the easy-read version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Easy-read version' })).toBeVisible();
  await axeAt(checker, page.url());
  await page.getByLabel('First finding').fill('Most of you feel safe at school.');
  await page.getByLabel('Second finding').fill('');
  await page.getByLabel('Third finding').fill('Many of you want more things to do after school.');
  await page.getByRole('button', { name: 'Save easy-read version' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('link', { name: 'Enter the second finding, like “We asked you how safe you feel”' })).toHaveAttribute('href', '#easy-finding2');
  await expect(page.getByLabel('Third finding')).toHaveValue('Many of you want more things to do after school.');
  await page.getByLabel('Second finding').fill('Fewer of you feel safe after dark.');
  await page.getByRole('button', { name: 'Save easy-read version' }).click();
  await expect(page.getByRole('status')).toHaveText('Easy-read version saved.');

  // Someone else saves meanwhile: the older page's change is refused and says so.
  const other = await context.newPage();
  await other.goto(builder);
  await page.getByRole('button', { name: 'Move down section Summary' }).click();
  await expect(page.getByRole('status')).toHaveText('Section moved.');
  await other.getByRole('button', { name: 'Move up section What people told us' }).click();
  await expect(other.getByRole('alert')).toContainText('This report was saved since you opened this page, by someone else');
  await other.getByRole('link', { name: 'Reload the report' }).click();
  expect(await sectionHeadings(other)).toEqual(['How we did this', 'Summary', 'How safe people feel', 'You said, we did', 'What people told us']);
  await other.close();

  // The preview: the report as it will read, with the chosen measure, quote and row.
  await page.getByRole('link', { name: 'Preview the report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'How safe people feel' })).toBeVisible();
  await expect(page.locator('article.sv-report')).toContainText('Safe after dark');
  await expect(page.locator('article.sv-report')).toContainText(quoteText);
  await expect(page.locator('article.sv-report')).toContainText('Schools chose which classes took part.');
  await expect(page.locator('article.sv-report table').first()).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'report-preview');
  await page.getByRole('link', { name: 'Preview the easy-read version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /easy read/ })).toBeVisible();
  await axeAt(checker, page.url());

  // Publishing, after a confirmation naming the public address.
  await page.goto(builder);
  await page.getByRole('link', { name: 'Publish the report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publish this report?' })).toBeVisible();
  const address = (await page.locator('strong', { hasText: '/reports/' }).textContent()) ?? '';
  expect(address).toMatch(/^\/reports\/youth-safety-[a-z0-9-]+$/);
  const youSaidAddress = ((await page.getByText(/on \/organisations\//).textContent()) ?? '').replace(/^.* on /, '').trim();
  expect(youSaidAddress).toMatch(/^\/organisations\/[a-z0-9-]+\/you-said-we-did$/);
  await axeAt(checker, page.url());
  await page.getByRole('button', { name: 'Publish report' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Report published' })).toContainText(address);
  await expect(page.getByText('A published version is frozen')).toBeVisible();

  // Anyone, not signed in, reads it.
  const publicContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const reader = await publicContext.newPage();
  await reader.goto(address);
  await expect(reader).toHaveTitle(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(reader.locator('html')).toHaveAttribute('lang', /^en/);
  await expect(reader.getByRole('heading', { level: 1, name: title })).toBeVisible();
  for (const heading of ['Summary', 'How safe people feel', 'What people told us', 'You said, we did']) {
    await expect(reader.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(reader.getByRole('table').first()).toBeVisible();
  await expect(reader.locator('article.sv-report')).toContainText(/\d+%|\[c\]/);
  await expect(reader.locator('article.sv-report')).toContainText('Nowhere to go after school');
  await atWidths(reader, 'report-public');
  const anonymous = await browser.newPage();
  await axeAt(anonymous, address);

  await reader.getByRole('link', { name: 'Read the easy-read version' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: /easy read/ })).toBeVisible();
  // The title says "easy read" once: the easy-read title already ends with it.
  await expect(reader).toHaveTitle(/: easy read – /);
  expect((await reader.title()).match(/easy read/g)).toHaveLength(1);
  await expect(reader.getByRole('listitem').filter({ hasText: 'Fewer of you feel safe after dark.' })).toBeVisible();
  await atWidths(reader, 'report-easy-read');
  await axeAt(anonymous, `${address}/easy-read`);

  await reader.goto(youSaidAddress);
  await expect(reader.getByRole('heading', { level: 1, name: 'You said, we did' })).toBeVisible();
  await expect(reader.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await expect(reader.getByText(`Funded two youth sessions in Midsomer Norton (${stamp})`)).toBeVisible();
  await atWidths(reader, 'report-you-said');
  await axeAt(anonymous, youSaidAddress);

  // A draft's address is not public.
  const drafts = await reader.goto('/reports/no-such-report-here');
  expect(drafts?.status()).toBe(404);
  await publicContext.close();
  await context.close();
});

test('with JavaScript off, Back and sending a form again makes no second report, section or row', async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Sent twice ${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.author.email);

  // "Create report", Back, "Create report" again: the same report.
  await page.goto('/staff/reports');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Series of surveys it covers').selectOption({ label: 'Youth safety survey' });
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(page).toHaveURL(/\?done=created&at=1$/);
  const builder = page.url().replace(/\?.*$/, '');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation reports' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Series of surveys it covers').selectOption({ label: 'Youth safety survey' });
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(page).toHaveURL(new RegExp(`^${builder}\\?done=created&at=1$`));
  await page.goto('/staff/reports');
  await expect(page.getByRole('table', { name: 'Reports' }).getByRole('link', { name: title, exact: true })).toHaveCount(1);

  // "Add section", Back, "Add section" again: refused as already saved.
  await page.goto(builder);
  const addSummary = async () => {
    await page
      .getByRole('group', { name: 'Kind of section' })
      .getByRole('radio', { name: /^Summary/ })
      .check();
    await page.getByRole('button', { name: 'Add section' }).click();
  };
  await addSummary();
  await expect(page.getByRole('status')).toHaveText('Section added.');
  expect(await sectionHeadings(page)).toHaveLength(6);
  await page.goBack();
  await addSummary();
  await expect(page.getByRole('alert')).toContainText('This report was saved since you opened this page');
  await page.goto(builder);
  expect(await sectionHeadings(page)).toHaveLength(6);

  // A new "You said, we did" row, Back, "Save row" again: one row.
  await page.getByRole('link', { name: 'Edit section You said, we did' }).click();
  await page.getByRole('link', { name: 'Add a row' }).click();
  const fillRow = async () => {
    await page.getByLabel('You said').fill('Nowhere to go after school');
    await page.getByLabel('We did').fill('Funded two youth sessions');
    await page.getByLabel('Strategy priority').selectOption({ label: 'Delivery of commitments' });
    await page.getByRole('group', { name: 'Status' }).getByRole('radio', { name: 'Planned' }).check();
    await page.getByRole('button', { name: 'Save row' }).click();
  };
  await fillRow();
  await expect(page.getByRole('status')).toHaveText('Row saved.');
  const section = page.url().replace(/\?.*$/, '');
  await page.goBack();
  await fillRow();
  await expect(page.getByRole('alert')).toContainText('This report was saved since you opened this page');
  await page.goto(section);
  await expect(page.getByRole('link', { name: /^Change row/ })).toHaveCount(1);

  // A second row, "Remove" on the first, Back, "Remove" again: the second row stays.
  await page.getByRole('link', { name: 'Add a row' }).click();
  await page.getByLabel('You said').fill('The park is dark');
  await page.getByLabel('We did').fill('Asked for new lights');
  await page.getByLabel('Strategy priority').selectOption({ label: 'Delivery of commitments' });
  await page.getByRole('group', { name: 'Status' }).getByRole('radio', { name: 'Planned' }).check();
  await page.getByRole('button', { name: 'Save row' }).click();
  await expect(page.getByRole('link', { name: /^Change row/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Remove row 1' }).click();
  await expect(page.getByRole('link', { name: /^Change row/ })).toHaveCount(1);
  await page.goBack();
  await page.getByRole('button', { name: 'Remove row 1' }).click();
  await expect(page.getByRole('alert')).toContainText('This report was saved since you opened this page');
  await page.goto(section);
  await expect(page.getByText('The park is dark')).toBeVisible();
  await context.close();
});

/** The youth survey answered, with a disclosure in the "what makes you feel unsafe" answer. */
async function answerWithDisclosure(page: Page, disclosure: string) {
  const { definition } = await definitionOf(page, 'youth-safety-11-19');
  await page.goto('/s/youth-safety-11-19');
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

test('a safeguarding lead clears a flagged answer for quoting in reports, with JavaScript off', async ({ browser, page: checker }) => {
  const suffix = `${Date.now()} ${Math.random().toString(36).slice(2, 8)}`;
  const respondent = await browser.newPage();
  await answerWithDisclosure(respondent, `my stepdad hits me when he is drunk (report clearance test ${suffix})`);
  await respondent.close();

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.safeguarding.email);
  const item = page.locator('.flag-list > li').filter({ hasText: suffix });
  await expect(async () => {
    await page.goto('/staff/safeguarding');
    await expect(item).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 30_000, intervals: [1000] });
  await item.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Quoting in reports' })).toBeVisible();
  await expect(page.getByText('A report author cannot quote this answer (redacted) until a safeguarding lead clears it.')).toBeVisible();
  const flagPage = page.url();
  await signInAsStaff(checker, DEMO_STAFF.safeguarding.email);
  await axeAt(checker, flagPage);

  await page.getByLabel('Why it can be quoted (optional)').fill('Checked with the school: no one can be identified.');
  await page.getByRole('button', { name: 'Clear this answer for quoting in reports' }).click();
  await expect(page).toHaveURL(`${flagPage}?cleared=1`);
  await expect(page.getByRole('status')).toHaveText('Cleared: report authors can now quote this answer, redacted.');
  await expect(page.getByText(/^Cleared for quoting in reports by Demo Safeguarding Lead on .+ Note: “Checked with the school: no one can be identified\.”$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear this answer for quoting in reports' })).toHaveCount(0);
  await axeAt(checker, page.url());
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await context.close();
});
