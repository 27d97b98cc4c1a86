// Publishing with care and codes children can use (issue 16, items 2 and 7):
// "Make your questionnaire live?" refuses until the privacy details are
// there and asks whether the home page lists it; respondents (JavaScript off)
// see who is responsible and a privacy notice; a questionnaire's address is
// short and made from its title; slips and class-code posters carry a QR code
// that opens the survey with the code filled in.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { axeAt, DEMO_STAFF, expectNoAxeFindings, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { fillPrivacyDetails, makeLive, PRIVACY } from './publishing';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** A blank questionnaire made on the list page; back on its own page. */
async function createBlank(page: Page, title: string): Promise<string> {
  await page.goto('/staff/questionnaires');
  const form = page.locator('form').filter({ has: page.locator('input[name="kind"][value="blank"]') });
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Create blank questionnaire' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return page.url().replace(/\?.*$/, '');
}

/** Zero axe findings at a phone's and a laptop's width, and no sideways scroll at 320 px. */
async function checkWidths(checker: Page, url: string, name: string) {
  for (const width of [360, 1280]) {
    await checker.setViewportSize({ width, height: 800 });
    await axeAt(checker, url);
    await screenshotPage(checker, `${name}-${width}`);
  }
  await checker.setViewportSize({ width: 320, height: 700 });
  await checker.goto(url);
  expect(await sidewaysScroll(checker), `sideways scroll at 320 px on ${url}`).toBeLessThanOrEqual(0);
}

async function noScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  return { context, page: await context.newPage() };
}

test('a codes-only questionnaire goes live only with its privacy details, stays off the home page, and tells respondents who is responsible', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Hillside class voices ${unique()}`;
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const overview = await createBlank(page, title);
  const id = overview.split('/').pop() as string;
  await page.getByLabel('Access codes').check();
  await page.getByRole('button', { name: 'Save access' }).click();
  await expect(page.getByRole('status')).toHaveText('Access saved.');

  // Without the privacy details the confirmation page says what is missing and offers no button.
  await page.getByRole('link', { name: 'Publish version 1' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Make your questionnaire live?');
  const blocking = page.locator('.notice-error');
  await expect(blocking.getByRole('link')).toHaveText([
    'Fill in “Organisation responsible for the answers”',
    'Fill in “Contact for questions and data protection requests”',
    'Fill in “How long answers are kept”'
  ]);
  await expect(page.getByRole('button', { name: 'Make it live' })).toHaveCount(0);
  await checkWidths(page, `${overview}/publish`, 'publish-blocked');

  // Saving them empty names each one, linked to its field.
  await page.goto(overview);
  await page.getByRole('button', { name: 'Save privacy details' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter how long answers are kept' })).toHaveAttribute('href', '#retention');
  await expect(page.locator('#retention')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeFindings(page);
  await screenshotPage(page, 'questionnaire-privacy-errors');
  await checkWidths(page, overview, 'questionnaire-privacy');
  await fillPrivacyDetails(page, overview);

  // Now the page lists what respondents will see, and a codes-only questionnaire defaults to "Link or code only".
  await page.getByRole('link', { name: 'Publish version 1' }).click();
  const shown = page.locator('.summary-list');
  await expect(shown).toContainText(PRIVACY.organisation);
  await expect(shown).toContainText(PRIVACY.contact);
  await expect(shown).toContainText(PRIVACY.retention);
  await expect(shown).toContainText('With a class code or a single-use code');
  await expect(page.getByLabel('Link or code only')).toBeChecked();
  await checkWidths(page, `${overview}/publish`, 'publish-ready');
  await page.goto(overview);
  await makeLive(page);
  await expect(page.locator('.status')).toHaveText('Live');
  const address = await page.getByLabel('Address to share').inputValue();
  const slugPath = new URL(address).pathname;
  // A short address made from the title's first words (numbered if another questionnaire has them).
  expect(slugPath).toMatch(/^\/s\/hillside-class-voices(-\d+)?$/);

  const { context, page: respondent } = await noScript(browser);
  try {
    // Not on the home page…
    await respondent.goto('/');
    await expect(respondent.getByRole('link', { name: title })).toHaveCount(0);
    // …but the start page says who runs it, whom to ask and how long answers are kept.
    await respondent.goto(slugPath);
    const who = respondent.getByRole('region', { name: 'Who is asking' });
    await expect(who).toContainText(PRIVACY.organisation);
    await expect(who).toContainText(PRIVACY.contact);
    await expect(who).toContainText(PRIVACY.retention);
    await who.getByRole('link', { name: /privacy notice/ }).click();
    await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
    await expect(respondent.locator('main')).toContainText(`${PRIVACY.organisation} is responsible for your answers`);
    await expect(respondent.locator('main')).toContainText(PRIVACY.retention);
    await expect(respondent.locator('.contact')).toHaveText(PRIVACY.contact);
  } finally {
    await context.close();
  }
  await checkWidths(page, slugPath, 'start-page-responsible');
  await checkWidths(page, `${slugPath}/privacy`, 'survey-privacy-notice');

  // The officer can list it after all.
  await page.goto(overview);
  await page.getByLabel('Listed on the home page').check();
  await page.getByRole('button', { name: 'Save listing' }).click();
  await expect(page.getByRole('status')).toHaveText('Home page listing saved.');
  await page.goto('/');
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', slugPath);
  // Listed, it says a code is needed before anyone starts.
  const entry = page.locator('.survey-list li').filter({ has: page.getByRole('link', { name: title }) });
  await expect(entry).toContainText('You need a code from your school or group to take part.');
  await checkWidths(page, '/', 'home-code-needed');
  expect(id).toBeTruthy();
});

test('an open-link questionnaire is listed by default, unless the officer chooses link only', async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const listedTitle = `Park lighting ${unique()}`;
  const listed = await createBlank(page, listedTitle);
  await fillPrivacyDetails(page, listed);
  await page.getByRole('link', { name: 'Publish version 1' }).click();
  await expect(page.getByLabel('Listed on the home page')).toBeChecked();
  await page.getByRole('button', { name: 'Make it live' }).click();
  await expect(page.getByRole('status')).toContainText('Published');

  const hiddenTitle = `Staff room survey ${unique()}`;
  const hidden = await createBlank(page, hiddenTitle);
  await fillPrivacyDetails(page, hidden);
  await makeLive(page, 'Link or code only');
  await expect(page.locator('.summary-list')).toContainText('Not listed: link or code only');

  await page.goto('/');
  await expect(page.getByRole('link', { name: listedTitle })).toBeVisible();
  await expect(page.getByRole('link', { name: hiddenTitle })).toHaveCount(0);
});

test('slips and a class-code poster carry a short address and a QR code that opens the survey with the code filled in', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Year 6 feeling safe ${unique()}`;
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const overview = await createBlank(page, title);
  await page.getByLabel('Access codes').check();
  await page.getByRole('button', { name: 'Save access' }).click();
  await fillPrivacyDetails(page, overview);
  await makeLive(page);
  const slugPath = new URL(await page.getByLabel('Address to share').inputValue()).pathname;

  // A class code, and its poster.
  await page.goto(`${overview}/codes`);
  await page.getByLabel('School').first().fill('Hillside Primary');
  await page.getByLabel('Class', { exact: true }).fill('6B');
  await page.getByRole('button', { name: 'Create class code' }).click();
  const code = (await page.getByRole('status').locator('.code').textContent())?.trim() ?? '';
  await checkWidths(page, page.url(), 'codes-page');
  await page.goto(`${overview}/codes`);
  await page.getByRole('link', { name: 'Print poster for Hillside Primary, 6B' }).click();
  const poster = page.getByRole('region', { name: 'Poster' });
  await expect(poster.locator('.poster-code')).toHaveText(code);
  await expect(poster.locator('.poster-address')).toHaveText(new RegExp(`${slugPath}$`));
  await expect(poster.getByRole('img', { name: `QR code: opens the survey with the code ${code} filled in` })).toBeVisible();
  await checkWidths(page, page.url(), 'class-code-poster');

  // Single-use codes as slips, each with its own QR code.
  await page.goto(`${overview}/codes`);
  await page.getByLabel('How many codes').fill('4');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await page.getByRole('status').getByRole('link', { name: 'Print them as slips' }).click();
  const slips = page.locator('.slip');
  await expect(slips).toHaveCount(4);
  await expect(slips.getByRole('img', { name: /^QR code: opens the survey with the code [A-Z0-9]{4}-[A-Z0-9]{4} filled in$/ })).toHaveCount(4);
  const firstCode = (await slips.first().locator('.code').textContent())?.trim() ?? '';
  await checkWidths(page, page.url(), 'code-slips');

  // What a QR code opens, with JavaScript off: the start page with the code in the box, ready to start.
  const { context, page: pupil } = await noScript(browser);
  try {
    await pupil.goto(`${slugPath}?code=${firstCode}`);
    await expect(pupil.getByLabel('Access code')).toHaveValue(firstCode);
    await pupil.getByRole('button', { name: /Start now/ }).click();
    await expect(pupil).toHaveURL(new RegExp(`${slugPath}/q/`));
  } finally {
    await context.close();
  }
});

test('the accessibility statement gives its compliance status, when it was last checked and whom to contact', async ({ page }) => {
  await page.goto('/accessibility');
  await expect(page.getByRole('heading', { name: 'Compliance status' })).toBeVisible();
  await expect(page.locator('main')).toContainText('fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard');
  await expect(page.locator('main')).toContainText(/It was last checked on \d{1,2} [A-Z][a-z]+ \d{4}/);
  await expect(page.getByRole('heading', { name: 'Reporting a problem or asking for another format' })).toBeVisible();
  await expect(page.locator('main')).toContainText('its contact is on the survey’s start page and in its privacy notice');
  await checkWidths(page, '/accessibility', 'accessibility-statement');
});
