// Staff pages at a laptop's width and on a phone (issue 16, items 5, 6, 9):
// the console uses the width of the screen while survey pages keep their
// narrow column; the explorer's filters sit in a panel beside the results;
// the editor is a compact list where a question moves anywhere, or a new one
// goes after any other, in one step with JavaScript off; the preview can be
// answered and follows the skip logic, storing nothing; and no staff page
// scrolls sideways at 320 px.
import { createClient } from '@libsql/client';
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { axeAt, DEMO_STAFF, expectNoAxeFindings, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';

const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };
const ONLINE = 'How safe do you feel online?';
const SOCIAL = 'In the last 12 months, have you seen real-life violence on social media?';
const SEEN = 'What did you see?';

/** A new draft questionnaire from the youth survey's template, through the API with the page's own session. */
async function youthCopy(page: Page): Promise<string> {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.post('/api/designer/questionnaires', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { from: { kind: 'template', slug: 'youth-safety-11-19' } }
  });
  expect(res.status()).toBe(201);
  return (await res.json()).questionnaire.id;
}

/** A signed-in officer's page with JavaScript off. */
async function noScriptOfficer(browser: Browser, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  return page;
}

const widthOf = async (locator: Locator) => (await locator.boundingBox())?.width ?? 0;

/** Axe at a phone's and a laptop's width, and a screenshot of each to look at. */
async function atBothWidths(page: Page, name: string) {
  for (const viewport of [PHONE, LAPTOP]) {
    await page.setViewportSize(viewport);
    await expectNoAxeFindings(page);
    await screenshotPage(page, `${name}-${viewport.width}`, { maxHeight: 3600 });
  }
  await page.setViewportSize(PHONE);
}

test('staff pages use a laptop’s width while survey pages keep their narrow column', async ({ page }) => {
  await page.setViewportSize(LAPTOP);
  await page.goto('/s/youth-safety-11-19');
  expect(await widthOf(page.locator('main'))).toBeLessThanOrEqual(640);
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  expect(await widthOf(page.locator('main'))).toBeGreaterThan(1100);
  await page.goto('/staff/questionnaires');
  expect(await widthOf(page.locator('main'))).toBeGreaterThan(1100);
  // Running text keeps a readable measure on the wide page.
  expect(await widthOf(page.locator('main p').first())).toBeLessThanOrEqual(760);
  await atBothWidths(page, 'wide-questionnaires');
});

test('the explorer’s filters are a panel beside the results on a laptop, and after them on a phone', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis');
  await page.getByRole('list', { name: 'Surveys' }).getByRole('link', { name: "Young people's safety survey", exact: true }).click();
  const filters = page.getByRole('form', { name: 'Filters' });
  const results = page.getByRole('region', { name: 'Showing' });
  const apply = page.getByRole('button', { name: 'Apply filters' });

  await page.setViewportSize(LAPTOP);
  const panel = await filters.boundingBox();
  const shown = await results.boundingBox();
  expect(panel?.x ?? 0).toBeGreaterThan((shown?.x ?? Number.POSITIVE_INFINITY) + (shown?.width ?? 0));
  expect(panel?.y ?? Number.POSITIVE_INFINITY).toBeLessThan(LAPTOP.height / 2);
  // Deep in the results the panel, and its button, are still there.
  await page.getByRole('heading', { name: 'Quotes', exact: true }).scrollIntoViewIfNeeded();
  await expect(apply).toBeInViewport();
  const gender = filters.locator('details', { hasText: 'Which of these describes you?' });
  await gender.locator('summary').click();
  await gender.getByLabel('Girl', { exact: true }).check();
  await apply.click();
  await expect(results).toContainText('Which of these describes you?: Girl');
  await atBothWidths(page, 'explorer-panel');

  await page.setViewportSize(PHONE);
  expect((await filters.boundingBox())?.y).toBeGreaterThan((await page.getByRole('heading', { name: 'Perception of safety' }).boundingBox())?.y ?? Number.POSITIVE_INFINITY);
  await expect(apply).not.toBeInViewport();
});

test('an officer moves a question to another page, inserts one after it and moves a page, one step each, with JavaScript off', async ({ browser, page: checker }) => {
  test.setTimeout(180_000);
  const page = await noScriptOfficer(browser, LAPTOP);
  const id = await youthCopy(page);
  const editor = `/staff/questionnaires/${id}/edit`;
  await page.goto(editor);
  const labels = page.locator('.question-card h4');
  const sections = page.locator('.page-section');
  const pages = await sections.count();
  // A compact list: the youth survey’s 16 pages and 17 questions in under 4,000 px, about 3,500 (with Move up and Move down buttons for each, the editor was 11,000 px tall).
  const listHeight = () => page.evaluate(() => (document.getElementById('newpage')?.offsetTop ?? 0) - (document.getElementById('pages')?.offsetTop ?? 0));
  expect(await listHeight()).toBeLessThan(4000);

  // "How safe do you feel online?" (question 9, alone on page 7) straight to the first place on page 3.
  await expect(labels.nth(8)).toContainText(ONLINE);
  await page.getByRole('combobox', { name: `Move question “${ONLINE}” to` }).selectOption({ label: 'Page 3, position 1' });
  await page.getByRole('button', { name: `Move question “${ONLINE}”` }).click();
  await expect(page).toHaveURL(/#question-safe_online$/);
  await expect(labels.nth(4)).toContainText(ONLINE);
  await expect(page.locator('#page-safe_at_school')).toContainText(ONLINE);
  // Its page, left empty, went with it.
  await expect(sections).toHaveCount(pages - 1);

  // A question inserted straight after it.
  await page.locator('#question-safe_online summary').click();
  await page.locator('#after-safe_online-type').selectOption('text');
  await page.locator('#after-safe_online-label').fill('Which apps do you use most?');
  await page.getByRole('button', { name: `Add question after question “${ONLINE}”` }).click();
  await expect(page.getByText('Question added. Finish it here and save.')).toBeVisible();
  await page.goto(editor);
  await expect(labels.nth(5)).toContainText('Which apps do you use most?');
  await expect(page.locator('#page-safe_at_school')).toContainText('Which apps do you use most?');

  // Page 2 ("About you") to the front.
  await page.getByRole('combobox', { name: 'Move page 2 to' }).selectOption({ label: 'Position 1' });
  await page.getByRole('button', { name: 'Move page 2' }).click();
  await expect(sections.first().locator('h3')).toHaveText(/^Page 1 of \d+: About you$/);
  await expect(labels.first()).toContainText('How old are you?');

  // An empty question to insert is refused beside its own form.
  await page.locator('#question-age summary').click();
  await page.getByRole('button', { name: 'Add question after question “How old are you?”' }).click();
  await expect(page.locator('.error-summary')).toContainText('Enter the question');
  await expect(page.locator('#after-age-label')).toBeVisible();

  // Axe needs JavaScript: the same states in a page with it on.
  await signInAsStaff(checker, DEMO_STAFF.officer.email);
  await axeAt(checker, editor, async (c) => {
    await c.locator('#question-age summary').click();
    await c.getByRole('button', { name: 'Add question after question “How old are you?”' }).click();
    await expect(c.locator('.error-summary')).toContainText('Enter the question');
  });
  await atBothWidths(checker, 'editor-refused');
  await checker.goto(editor);
  await expect(checker.getByRole('heading', { name: 'Pages and questions' })).toBeVisible();
  await atBothWidths(checker, 'editor-list');
  await page.context().close();
});

test('the preview can be answered: it follows the skip logic, says it saves nothing, and saves nothing', async ({ browser, page }) => {
  test.setTimeout(120_000);
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const id = await youthCopy(page);
  const typed = `Fights near the bus station (preview ${Date.now()} ${Math.random().toString(36).slice(2, 8)})`;
  await page.goto(`/staff/questionnaires/${id}/preview`);
  await expect(page.getByText('Preview — answers are not saved.')).toBeVisible();
  await atBothWidths(page, 'preview-start');
  await page.getByRole('button', { name: /Start now/ }).click();

  // The consent a respondent must give is asked for as it is on the survey.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.error-summary')).toContainText('There is a problem');
  await expect(page).toHaveTitle(/^Error: Preview/);
  await atBothWidths(page, 'preview-error');
  await page.getByRole('checkbox').check();
  // The places grid asks one place per step, counted as respondents' steps are.
  const townCentre = page.getByRole('heading', { level: 1, name: 'Town centre' });
  for (let guard = 0; guard < 12 && !(await townCentre.isVisible()); guard++) await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.preview-frame .progress')).toHaveText('· Part 8 of 19');
  await atBothWidths(page, 'preview-grid-row');
  await expect(page.getByRole('heading', { level: 1, name: 'Parks' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Parks' })).toBeVisible();
  await expect(page.locator('.preview-frame .progress')).toHaveText('· Part 9 of 19');
  const social = page.getByRole('group', { name: SOCIAL });
  for (let guard = 0; guard < 20 && !(await social.isVisible()); guard++) await page.getByRole('button', { name: 'Continue' }).click();
  await expect(social).toBeVisible();

  // "No": the follow-up is skipped.
  await social.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('group', { name: SEEN })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(SEEN);
  await atBothWidths(page, 'preview-after-no');

  // Back, by the same logic, with the answer kept; "Yes" leads to the follow-up.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(social.getByLabel('No', { exact: true })).toBeChecked();
  await social.getByLabel('Yes', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('group', { name: SEEN })).toBeVisible();

  // On to the end, writing something a respondent might.
  for (let guard = 0; guard < 10 && (await page.getByRole('button', { name: 'Continue' }).isVisible()); guard++) {
    const box = page.getByRole('textbox');
    if ((await box.count()) === 1) await box.fill(typed);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('End of the preview');
  await expect(page.getByText(typed).first()).toBeVisible();
  await expect(page.getByText('Nothing has been saved.')).toBeVisible();
  await atBothWidths(page, 'preview-end');

  // Nothing anywhere holds what was typed.
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    for (const [table, column] of [
      ['responses', 'answers'],
      ['response_drafts', 'answers'],
      ['audit_log', 'detail']
    ]) {
      const found = await client.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE instr(${column}, ?) > 0`, args: [typed] });
      expect(Number(found.rows[0]?.n), `${table} holds the preview's answer`).toBe(0);
    }
  } finally {
    client.close();
  }

  // And with JavaScript off, the same forms.
  const noScript = await noScriptOfficer(browser);
  await noScript.goto(`/staff/questionnaires/${id}/preview`);
  await noScript.getByRole('button', { name: /Start now/ }).click();
  await noScript.getByRole('checkbox').check();
  await noScript.getByRole('button', { name: 'Continue' }).click();
  await expect(noScript.getByRole('heading', { level: 1 })).toHaveText('About you');
  await noScript.context().close();
});

test('no staff page scrolls sideways at 320 px, long ids and wide tables included', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const id = await youthCopy(page);
  // A question whose id, made from its wording, is one long unbroken word.
  await page.goto(`/staff/questionnaires/${id}/edit`);
  await page.locator('#newpage-label').fill('Whatdoyouthinkaboutstreetlightingnearthebusstationandtheparkatnight?');
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit question');
  const questionEditor = page.url();

  await page.goto('/staff/analysis');
  await page.getByRole('list', { name: 'Surveys' }).getByRole('link', { name: "Young people's safety survey", exact: true }).click();
  const explorer = page.url();
  const paths = [
    '/staff',
    '/staff/questionnaires',
    `/staff/questionnaires/${id}`,
    `/staff/questionnaires/${id}/edit`,
    questionEditor,
    `/staff/questionnaires/${id}/edit/standard-items`,
    `/staff/questionnaires/${id}/preview`,
    '/staff/analysis',
    explorer,
    `${explorer}?by=school`,
    '/staff/measures'
  ];
  for (const path of paths) {
    await page.goto(path);
    expect(await sidewaysScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await page.goto(`/staff/questionnaires/${id}/preview`);
  await page.getByRole('button', { name: /Start now/ }).click();
  expect(await sidewaysScroll(page), 'the preview’s first page scrolls sideways').toBeLessThanOrEqual(0);
});
