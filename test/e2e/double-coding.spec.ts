// Double coding. An officer publishes a copy of the youth survey of its own
// and six young people answer it; analyst@ draws a sample of five and codes
// it blind, analyst2@ codes the same five, and both read Cohen's kappa per
// theme. Axe on every state.
import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';
import { answerAll, publishedYouthSurvey, staffApi, unsafe } from './survey-copies';

const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

const ANSWERS = [
  'I feel scared walking home',
  'more police patrols at night',
  'kids carry knives round here',
  'bring back the youth club',
  'people get bullied on snapchat',
  'no street lights on the path'
];
const FEAR = 'Fear & feeling unsafe';

/** A published copy of the youth survey answered with these texts. */
/** A published copy of the youth survey answered with these texts. */
async function publishAndAnswer(request: APIRequestContext, title: string) {
  const survey = await publishedYouthSurvey(request, await staffApi(request, DEMO_STAFF.officer.email), title);
  await answerAll(request, survey, ANSWERS.map(unsafe));
}

/** Code every answer of the round, ticking Fear on the answers `fear` names (1-based). */
async function codeRound(page: Page, fear: number[]) {
  for (let n = 1; n <= 5; n++) {
    await expect(page.getByText(`Answer ${n} of 5`)).toBeVisible();
    // Blind: no suggestions, nothing marked, nothing ticked.
    await expect(page.locator('main')).not.toContainText(', suggested');
    await expect(page.locator('main mark')).toHaveCount(0);
    await expect(page.locator('[data-theme-checklist] input:checked')).toHaveCount(0);
    if (n === 1) await expectNoAxeFindings(page);
    if (n === 1) await shot(page, 'double-coding-item');
    if (fear.includes(n)) await page.getByLabel(FEAR, { exact: true }).check();
    await page.getByRole('button', { name: 'Save and next' }).click();
  }
}

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, email);
  return { context, page };
}

test('two analysts double-code a sample blind and read kappa per theme', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const title = `Double-coding test ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  const round = `Agreement check ${randomUUID().slice(0, 6)}`;
  // Published from a context of its own: the officer's sign-in must not be the analyst's page's.
  const officer = await browser.newContext();
  await publishAndAnswer(officer.request, title);
  await officer.close();

  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis/double-coding');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Double coding');
  await expectNoAxeFindings(page);
  // The background coder codes the answers within seconds; then the questionnaire can be sampled.
  const option = `${title} (6 coded answers)`;
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel('Questionnaire').locator('option', { hasText: option })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // A round needs a name.
  await page.getByLabel('Questionnaire').selectOption({ label: option });
  await page.getByLabel('How many answers to sample').fill('5');
  await page.getByRole('button', { name: 'Create round' }).click();
  await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter a name for the round' })).toBeVisible();
  await expectNoAxeFindings(page);

  await page.getByLabel('Name of the round').fill(round);
  await page.getByRole('button', { name: 'Create round' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(round);
  await codeRound(page, [1, 2]);
  await expect(page.getByText('You have coded all 5 answers.')).toBeVisible();
  await expect(page.getByText('The results are shown here when another analyst has finished too.')).toBeVisible();
  await expectNoAxeFindings(page);
  await shot(page, 'double-coding-waiting');
  // Results stay hidden until someone else has finished.
  const roundUrl = page.url().split('?')[0] as string;
  await page.goto(`${roundUrl}/results`);
  await expect(page).toHaveURL(roundUrl);

  const second = await signedInPage(browser, DEMO_STAFF.analyst2.email);
  try {
    await second.page.goto('/staff/analysis/double-coding');
    const listed = second.page.getByRole('listitem').filter({ has: second.page.getByRole('heading', { name: round }) });
    await expect(listed).toContainText('You have not started coding this round. Others: Demo Analyst (finished).');
    await listed.getByRole('link', { name: round }).click();
    await codeRound(second.page, [1, 2, 3]);
    await second.page.getByRole('link', { name: 'See the agreement results' }).click();
    await expect(second.page.getByRole('heading', { level: 1 })).toHaveText(`Agreement: ${round}`);
    await expectNoAxeFindings(second.page);
  } finally {
    await second.context.close();
  }

  // Fear: ticked on answers 1–2 and 1–3 of 5. po = 0.8, pe = 0.4·0.6 + 0.6·0.4 = 0.48, kappa = 0.32 / 0.52 = 0.62.
  await page.goto(`${roundUrl}/results`);
  const table = page.getByRole('table', { name: 'Agreement per theme between Demo Analyst and Demo Second Analyst (n = 5 answers)' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Kappa', exact: true })).toBeVisible();
  const fear = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: FEAR, exact: true }) });
  await expect(fear.getByRole('cell')).toHaveText(['0.62', /^−?0\.\d\d to 1\.00$/, 'substantial agreement', '80%', '2', '3']);
  // Nobody ticked Bullying: no kappa, named after the table instead of a row.
  await expect(table.getByRole('rowheader', { name: 'Bullying', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Demo Analyst and Demo Second Analyst', exact: true })).toContainText(/Neither ticked .*Bullying/);
  await expect(page.getByRole('heading', { name: 'Demo Analyst and the coder' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Agreement per theme between Demo Analyst and the coder (n = 5 answers)' })).toBeVisible();
  await expectNoAxeFindings(page);
  await shot(page, 'double-coding-results');
});
