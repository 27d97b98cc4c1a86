// Officers manage questionnaires from the staff console: create from a
// template, publish, hand out class codes, import files; other staff read.
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff, uniqueEmail } from './helpers';
import { fillPrivacyDetails, makeLive } from './publishing';

/** Tests run in parallel on one database: every questionnaire gets a title of its own. */
const uniqueTitle = (label: string) => `${label} ${Date.now()} ${Math.random().toString(36).slice(2, 7)}`;

async function createFromTemplate(page: Page, slug: string, title: string) {
  await page.goto('/staff/questionnaires');
  const form = page.locator('form').filter({ has: page.locator('input[name="kind"][value="template"]') });
  await form.locator(`input[name="slug"][value="${slug}"]`).check();
  await form.getByLabel('Title (optional)').fill(title);
  await form.getByRole('button', { name: 'Create from template' }).click();
  await expect(page).toHaveURL(/\/staff\/questionnaires\/[^/?]+\?created$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
}

/** Nothing wider than a 360px phone: no sideways scrolling. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

/** The public start page with JavaScript off, as on a locked-down school tablet. */
async function respondentPage(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  return { context, page: await context.newPage() };
}

test('an officer creates from a template, publishes, switches to codes, and a class code lets a respondent in', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const title = uniqueTitle('Safer streets');
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Questionnaires' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Questionnaires');
  await expectNoAxeFindings(page);

  await createFromTemplate(page, 'youth-safety-11-19', title);
  await expect(page.locator('.status')).toHaveText('Draft');
  await expect(page.getByRole('link', { name: 'Edit the questions' })).toHaveAttribute('href', /\/edit$/);
  await expect(page.getByRole('link', { name: 'Preview as a respondent' })).toHaveAttribute('href', /\/preview$/);
  await expect(page.getByRole('link', { name: /Download as JSON/ })).toHaveAttribute('href', /\/api\/designer\/questionnaires\/[^/]+\/export$/);
  await expectNoAxeFindings(page);
  await expectNoSidewaysScroll(page);
  const overview = page.url().replace(/\?.*$/, '');

  // The list shows it as a draft, in words.
  await page.goto('/staff/questionnaires');
  const item = page.locator('.survey-list li').filter({ has: page.getByRole('link', { name: title }) });
  await expect(item.locator('.status')).toHaveText('Draft');
  await expect(item).toContainText('No responses yet');

  // A closing date before the opening date is refused, with the field marked.
  await page.goto(overview);
  await page.locator('#opens-date').fill('2026-09-10');
  await page.locator('#closes-date').fill('2026-09-01');
  await page.getByRole('button', { name: 'Save dates' }).click();
  await expect(page.locator('.error-summary')).toContainText('The closing date must be after the opening date');
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectNoAxeFindings(page);
  await page.locator('#opens-date').fill('');
  await page.locator('#closes-date').fill('');
  await page.getByRole('button', { name: 'Save dates' }).click();
  await expect(page.getByRole('status')).toHaveText('Dates saved.');

  await fillPrivacyDetails(page, overview);
  await makeLive(page);
  await expect(page.locator('.status')).toHaveText('Live');
  const address = await page.getByLabel('Address to share').inputValue();
  const slugPath = new URL(address).pathname;
  await expectNoAxeFindings(page);

  await page.goto('/');
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', slugPath);

  // Access by codes, and a class code for 6B.
  await page.goto(overview);
  await page.getByLabel('Access codes').check();
  await page.getByRole('button', { name: 'Save access' }).click();
  await expect(page.getByRole('status')).toHaveText('Access saved.');
  await page.getByRole('link', { name: 'Access codes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access codes');
  await expectNoAxeFindings(page);
  await expectNoSidewaysScroll(page);
  await page.getByRole('button', { name: 'Create class code' }).click();
  await expect(page.locator('.error-summary')).toContainText('Enter the school’s name');
  await expect(page.locator('.error-summary')).toContainText('Enter the class');
  await expectNoAxeFindings(page);
  await page.getByLabel('School').first().fill('Hillside Primary');
  await page.getByLabel('Class', { exact: true }).fill('6B');
  await page.getByRole('button', { name: 'Create class code' }).click();
  const code = (await page.getByRole('status').locator('.code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(page.getByRole('table')).toContainText('Hillside Primary, 6B');

  // Single-use codes come as a batch with slips to print.
  await page.getByLabel('How many codes').fill('3');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await page.getByRole('status').getByRole('link', { name: 'Print them as slips' }).click();
  await expect(page.locator('.slip')).toHaveCount(3);
  await expect(page.locator('.slip').first()).toContainText(address.replace(/^https?:\/\//, ''));
  await expectNoAxeFindings(page);

  const { context, page: respondent } = await respondentPage(browser);
  try {
    await respondent.goto(slugPath);
    await respondent.getByRole('button', { name: /Start now/ }).click();
    await expect(respondent.locator('.error-summary')).toBeVisible();
    await expect(respondent).toHaveURL(new RegExp(`${slugPath}$`));
    // (axe cannot run in a page with JavaScript off; the start page's own tests check it.)
    await respondent.getByLabel('Access code').fill(code.toLowerCase().replace('-', ' '));
    await respondent.getByRole('button', { name: /Start now/ }).click();
    await expect(respondent).toHaveURL(new RegExp(`${slugPath}/q/`));
  } finally {
    await context.close();
  }

  // The class code's use is counted.
  await page.goto(`${overview}/codes`);
  await expect(page.getByRole('table').getByRole('row').filter({ hasText: code })).toContainText('1');

  // Closing asks first.
  await page.goto(overview);
  await page.getByRole('link', { name: 'Close now' }).click();
  await expect(page.getByText(`Are you sure you want to close “${title}” now?`)).toBeVisible();
  await expectNoAxeFindings(page);
  await page.getByRole('button', { name: 'Yes, close it now' }).click();
  await expect(page.locator('.status')).toHaveText('Closed');

  // At a laptop's width too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/staff/questionnaires');
  await expectNoAxeFindings(page);
});

test('publishing is refused while the logic check finds problems, each linking into the editor', async ({ page }) => {
  const title = uniqueTitle('Broken logic');
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await createFromTemplate(page, 'community-safety-residents', title);
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';

  // Break the draft through the API, as an editor might: a show-if on an unknown question.
  const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
  const details = await (await page.request.get(`/api/designer/questionnaires/${id}`)).json();
  const definition = details.working.definition;
  const question = definition.pages[1].questions[0];
  question.showIf = { question: 'no_such_question', equals: 'yes' };
  const put = await page.request.put(`/api/designer/questionnaires/${id}/draft`, { data: { definition }, headers: { 'x-csrf-token': csrfToken } });
  expect(put.ok()).toBe(true);

  await page.reload();
  const problem = page.locator('main .list').last().getByRole('link').first();
  await expect(problem).toHaveAttribute('href', `/staff/questionnaires/${id}/edit#question-${question.id}`);
  await page.getByRole('link', { name: /^Publish version/ }).click();
  // The confirmation page says what stops it going live, each linking to where it is put right, and offers no button.
  const blocking = page.locator('.notice-error');
  await expect(blocking.getByRole('heading')).toHaveText('It cannot go live yet');
  await expect(blocking.getByRole('link', { name: 'Fill in “How long answers are kept”' })).toHaveAttribute('href', `/staff/questionnaires/${id}#retention`);
  await expect(blocking.getByRole('link').last()).toHaveAttribute('href', `/staff/questionnaires/${id}/edit#question-${question.id}`);
  await expect(page.getByRole('button', { name: 'Make it live' })).toHaveCount(0);
  await expectNoAxeFindings(page);
  await page.goto(`/staff/questionnaires/${id}`);
  await expect(page.locator('.status')).toHaveText('Draft');
});

test('importing a broken file lists every problem with its path and creates nothing', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto('/staff/questionnaires');
  const before = await page.locator('.survey-list li').count();
  const broken = { format: 'safer-voices/questionnaire', version: 1, questionnaire: { audience: 'pupils', pages: 'none' } };
  await page.getByLabel('Questionnaire file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await page.getByRole('button', { name: 'Import' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('nothing was imported');
  await expect(summary).toContainText('questionnaire.title');
  await expect(summary).toContainText('questionnaire.audience');
  await expect(summary).toContainText('questionnaire.pages');
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#import-file');
  await expectNoAxeFindings(page);

  // Not JSON at all.
  await page.getByLabel('Questionnaire file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(summary).toContainText('not valid JSON');
  // Other tests add questionnaires meanwhile; this one added none of its own.
  expect(await page.locator('.survey-list li').count()).toBeGreaterThanOrEqual(before);
  await expect(page.locator('.survey-list')).not.toContainText('broken');
});

/** An analyst in the demo organisation, invited by the demo admin through the API. */
async function newAnalyst(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: { email: DEMO_STAFF.admin.email, password: DEMO_STAFF.password, mode: 'bearer' } });
  const { token } = await login.json();
  const email = uniqueEmail('analyst');
  const invite = await request.post('/api/staff/invites', { data: { email, roles: ['analyst'] }, headers: { authorization: `Bearer ${token}` } });
  expect(invite.ok()).toBe(true);
  const { path } = await invite.json();
  const password = 'lantern meadow pebble orchard';
  const accepted = await request.post('/api/auth/accept-invite', { data: { token: path.split('/').pop(), name: 'Ana Lyst', password, mode: 'bearer' } });
  expect(accepted.ok()).toBe(true);
  return { email, password };
}

test('an analyst reads the questionnaires but cannot change them', async ({ page, request }) => {
  const analyst = await newAnalyst(request);
  await signInAsStaff(page, analyst.email, analyst.password);
  await page.getByRole('link', { name: 'Feeling safe' }).first().click();
  await expect(page.locator('.status')).toBeVisible();
  await expect(page.getByRole('button', { name: /Publish|Save|Close/ })).toHaveCount(0);
  await expect(page.locator('form[action^="?/"]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit the questions' })).toHaveCount(0);
  // Analysts may see themes; every member of staff may read the questions as respondents see them.
  await expect(page.getByRole('link', { name: 'Themes' })).toBeVisible();
  await expectNoAxeFindings(page);
  const questionnairePage = page.url();
  await page.getByRole('link', { name: 'Read the questions as a respondent sees them' }).click();
  await expect(page).toHaveURL(/\/preview$/);
  await page.getByRole('button', { name: /Start now/ }).click();
  await expect(page.locator('main')).toContainText('Part 1 of');
  await expectNoAxeFindings(page);
  await page.getByRole('link', { name: /^Back to Feeling safe/ }).click();
  await expect(page).toHaveURL(questionnairePage);
  expect((await page.goto(`${questionnairePage}/edit`))?.status()).toBe(403);

  await page.goto('/staff/questionnaires');
  await expect(page.getByText('Only officers and admins can create or change them.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create a questionnaire' })).toHaveCount(0);
  await expect(page.locator('form[action="?/create"]')).toHaveCount(0);
  await expectNoAxeFindings(page);

  const id = new URL((await page.locator('.survey-list a').first().getAttribute('href')) ?? '', 'http://x').pathname.split('/').pop();
  const codes = await page.goto(`/staff/questionnaires/${id}/codes`);
  expect(codes?.status()).toBe(403);
});

test('a safeguarding lead sees only the links they can use on a questionnaire', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.safeguarding.email, DEMO_STAFF.password, /\/staff(\/safeguarding)?$/);
  await page.goto('/staff/questionnaires');
  await page.locator('.survey-list a').first().click();
  await expect(page.getByRole('link', { name: 'Read the questions as a respondent sees them' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Themes' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit the questions' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Read the questions as a respondent sees them' }).click();
  await expect(page.getByText('Preview — answers are not saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Start now/ })).toBeVisible();
  await expectNoAxeFindings(page);
});
