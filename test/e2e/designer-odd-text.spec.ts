// Odd text staff type into a questionnaire's title, privacy details and
// questions: a title of 5,000 emoji is too long (not "missing"), a title, a
// question or an answer option of zero-width spaces is empty, a right-to-left
// override is not kept, and "-" does not say how long answers are kept. Each
// message sits beside its field and in the error summary, with JavaScript off
// as on.
import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';

/** Zero-width space, word joiner, byte order mark, non-breaking space, ideographic space: nothing a reader sees. */
const INVISIBLE = '\u200b\u2060\ufeff\u00a0\u3000\u200b';
const TOO_LONG = 'The title must be 200 characters or fewer';

async function newQuestionnaire(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.post('/api/designer/questionnaires', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { from: { kind: 'template', slug: 'feeling-safe-8-11' } }
  });
  expect(res.status()).toBe(201);
  return (await res.json()).questionnaire.id;
}

/** The message beside a field (`#<id>-error`) and its link in the error summary. */
async function expectFieldError(page: Page, id: string, message: string) {
  await expect(page.locator(`#${id}-error`)).toContainText(message);
  await expect(page.locator(`#${id}`)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('.error-summary').getByRole('link', { name: message })).toHaveAttribute('href', `#${id}`);
}

/** Zero axe findings at a phone's and a laptop's width, and no sideways scroll at 320 px, on the page as it is. */
async function checkWidths(page: Page, name: string, field: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoAxeFindings(page);
    await screenshotPage(page, `${name}-${width}`, { maxHeight: 1200 });
    // The field with its message, wherever it is on the page.
    if (folder)
      await page
        .locator('.form-group')
        .filter({ has: page.locator(`#${field}`) })
        .screenshot({ path: `${folder}/${name}-${width}-field.png` });
  }
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await sidewaysScroll(page), 'sideways scroll at 320 px').toBeLessThanOrEqual(0);
}

async function noScript(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  return { context, page };
}

test('the settings form says a title of 5,000 emoji is too long and one of invisible characters is empty, beside the title, saving neither', async ({ browser, page: checker }) => {
  test.setTimeout(120_000);
  const { context, page } = await noScript(browser);
  const id = await newQuestionnaire(page);
  const edit = `/staff/questionnaires/${id}/edit`;
  await page.goto(edit);
  const original = await page.getByRole('heading', { level: 1 }).textContent();

  for (const title of ['😀'.repeat(5000), 'a'.repeat(5000)]) {
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectFieldError(page, 'title', TOO_LONG);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(original ?? '');
  }
  // What was typed stays in the box, to shorten.
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('a'.repeat(5000));

  await page.getByLabel('Title', { exact: true }).fill(INVISIBLE);
  await page.getByLabel('Summary').fill(INVISIBLE);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expectFieldError(page, 'title', 'Enter a title');
  await expectFieldError(page, 'summary', 'Enter a summary');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(original ?? '');

  // 200 family emoji are 200 characters to a reader (1,600 in UTF-16): saved.
  const families = '👩‍👩‍👧'.repeat(200);
  await page.getByLabel('Title', { exact: true }).fill(families);
  await page.getByLabel('Summary').fill('How safe you feel around school.');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(families);
  await context.close();

  // The same refusals with JavaScript on, checked for accessibility at each width.
  await signInAsStaff(checker, DEMO_STAFF.officer.email);
  await checker.goto(`/staff/questionnaires/${await newQuestionnaire(checker)}/edit`);
  await checker.getByLabel('Title', { exact: true }).fill('😀'.repeat(5000));
  await checker.getByRole('button', { name: 'Save settings' }).click();
  await expectFieldError(checker, 'title', TOO_LONG);
  await checkWidths(checker, 'designer-settings-title-too-long', 'title');
});

test('a new blank questionnaire’s title is refused as too long or empty beside the field', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto('/staff/questionnaires');
  const form = page.locator('form').filter({ has: page.locator('input[name="kind"][value="blank"]') });
  await form.getByLabel('Title', { exact: true }).fill('😀'.repeat(201));
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Create blank questionnaire' }).click();
  await expectFieldError(page, 'blank-title', TOO_LONG);
  await page
    .locator('form')
    .filter({ has: page.locator('input[name="kind"][value="blank"]') })
    .getByLabel('Title', { exact: true })
    .fill(INVISIBLE);
  await page
    .locator('form')
    .filter({ has: page.locator('input[name="kind"][value="blank"]') })
    .getByRole('button', { name: 'Create blank questionnaire' })
    .click();
  await expectFieldError(page, 'blank-title', 'Enter a title for the questionnaire');
  // Still on the list: nothing was created.
  expect(page.url()).toMatch(/\/staff\/questionnaires(\?\/create)?$/);
});

test('privacy details of invisible characters are missing, and “-” does not say how long answers are kept', async ({ browser, page: checker }) => {
  test.setTimeout(120_000);
  const { context, page } = await noScript(browser);
  const id = await newQuestionnaire(page);
  const overview = `/staff/questionnaires/${id}`;
  await page.goto(overview);
  await page.getByLabel('Organisation responsible for the answers').fill(INVISIBLE);
  await page.getByLabel('Contact for questions and data protection requests').fill('dataprotection@northtown.example');
  await page.getByLabel('How long answers are kept').fill('-');
  await page.getByRole('button', { name: 'Save privacy details' }).click();
  await expectFieldError(page, 'responsibleOrganisation', 'Enter the organisation responsible for the answers');
  await expectFieldError(page, 'retention', 'Say how long answers are kept, like 2 years after the survey closes');
  await expect(page.locator('#privacyContact')).not.toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Organisation responsible for the answers').fill('Northtown Council');
  await page.getByLabel('How long answers are kept').fill('2 years after the survey closes');
  await page.getByRole('button', { name: 'Save privacy details' }).click();
  await expect(page.getByRole('status')).toHaveText('Privacy details saved.');
  await context.close();

  // With JavaScript on too, checked for accessibility at each width.
  await signInAsStaff(checker, DEMO_STAFF.officer.email);
  await checker.goto(overview);
  await checker.getByLabel('How long answers are kept').fill('...');
  await checker.getByRole('button', { name: 'Save privacy details' }).click();
  await expectFieldError(checker, 'retention', 'Say how long answers are kept, like 2 years after the survey closes');
  await checkWidths(checker, 'questionnaire-privacy-retention-unclear', 'retention');
});

test('a question of invisible characters and an option of a zero-width space are refused beside each field, and a right-to-left override is not kept', async ({ browser, page: checker }) => {
  test.setTimeout(120_000);
  const { context, page } = await noScript(browser);
  const id = await newQuestionnaire(page);
  const question = `/staff/questionnaires/${id}/edit/question/go_online`;
  await page.goto(question);
  await page.getByLabel('Question', { exact: true }).fill(INVISIBLE);
  await page.getByLabel('Option 2', { exact: true }).fill('\u200b');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expectFieldError(page, 'label', 'Enter the question');
  await expect(page.locator('#options--1--label-error')).toContainText('Enter the answer option');
  await expect(page.locator('.error-summary').getByRole('link', { name: 'Enter the answer option' })).toHaveAttribute('href', '#options--1--label');

  // Typed with a right-to-left override, it is saved as typed and reads forwards in the editor.
  await page.getByLabel('Question', { exact: true }).fill('\u202eWhat is your name?\u202c');
  await page.getByLabel('Option 2', { exact: true }).fill('No');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.locator('#question-go_online')).toContainText('What is your name?');
  expect(await page.locator('main').textContent()).not.toContain('\u202e');
  await context.close();

  // With JavaScript on too, checked for accessibility at each width.
  await signInAsStaff(checker, DEMO_STAFF.officer.email);
  await checker.goto(`/staff/questionnaires/${await newQuestionnaire(checker)}/edit/question/go_online`);
  await checker.getByLabel('Option 1', { exact: true }).fill('\u200b\u2060');
  await checker.getByRole('button', { name: 'Save question' }).click();
  await expect(checker.locator('#options--0--label-error')).toContainText('Enter the answer option');
  await checkWidths(checker, 'designer-question-option-blank', 'options--0--label');
});
