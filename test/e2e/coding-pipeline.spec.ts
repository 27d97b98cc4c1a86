// No answer can hold up a disclosure. Odd answers that pupils really type
// ("-", emoji, nothing, a lone surrogate, the longest allowed) go in through
// the public API, then a disclosure; the demo safeguarding lead sees it in
// the queue within 60 seconds, with its tier and the words that raised it.
// And when answers wait more than 2 minutes to be coded, staff are warned.
import { randomUUID } from 'node:crypto';
import { createClient } from '@libsql/client';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, definitionOf, expectNoAxeFindings, signInAsStaff } from './helpers';
import { answersFor, type Definition, unsafe } from './survey-copies';

const SLUG = 'youth-safety-11-19';
const LONGEST = 1500; // what_makes_unsafe's limit in the youth survey
const ODD_ANSWERS = ['-', '🙂🙂', '     ', '—', '#', '', '\uD800', 'the bus station at night is scary '.repeat(50).slice(0, LONGEST)];
const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

async function send(page: Page, versionId: string, definition: Definition, text: string): Promise<string> {
  const res = await page.request.post('/api/responses', { data: { versionId, answers: answersFor(definition, unsafe(text)), idempotencyKey: randomUUID() } });
  expect(res.status(), `${JSON.stringify(text.slice(0, 10))}: ${await res.text()}`).toBe(201);
  return (await res.json()).id;
}

async function noSidewaysScrolling(page: Page, width: number, name: string) {
  await page.setViewportSize({ width, height: 900 });
  if (SCREENSHOTS) {
    // The top of the page: the queue of the demo's many flags would make a picture thousands of pixels tall.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-${width}.png`, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, 2200) } });
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
}

test('a disclosure sent after odd answers reaches the safeguarding queue within 60 seconds, with its tier', async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = `${Date.now()} ${Math.random().toString(36).slice(2, 8)}`;
  const disclosure = `my stepdad hits me when he is drunk and i am scared to go home (pipeline test ${suffix})`;
  const { versionId, definition } = await definitionOf(page, SLUG);
  for (const text of ODD_ANSWERS) await send(page, versionId, definition as unknown as Definition, text);
  await send(page, versionId, definition as unknown as Definition, disclosure);
  const sentAt = Date.now();

  await signInAsStaff(page, DEMO_STAFF.safeguarding.email);
  const item = page.locator('.flag-list > li').filter({ hasText: suffix });
  await expect(async () => {
    await page.goto('/staff/safeguarding');
    await expect(item).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 60_000, intervals: [1000] });
  expect(Date.now() - sentAt).toBeLessThan(60_000);

  // Its tier in words, the words that raised it, and how many flags of each tier the list holds.
  await expect(item.locator('.flag-tier-label')).toHaveText(/^Tier: (Likely|Possible) disclosure$/);
  await expect(item.locator('.flag-tier-why')).toContainText('Raised by:');
  await expect(item.locator('mark').first()).toContainText(/stepdad|hits|scared|drunk/);
  await expect(page.getByRole('list', { name: 'Flags by tier' })).toContainText(/\d+ (likely|possible) disclosures?/);
  await expectNoAxeFindings(page);
  await noSidewaysScrolling(page, 320, 'safeguarding-queue');
  await noSidewaysScrolling(page, 1280, 'safeguarding-queue');
  await page.setViewportSize({ width: 360, height: 740 });

  await item.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Safeguarding flag');
  await expect(page.locator('.flag-tier-label')).toHaveText(/^Tier: (Likely|Possible) disclosure$/);
  await expect(page.locator('.flag-answer')).toContainText(disclosure);
  await expectNoAxeFindings(page);
  await noSidewaysScrolling(page, 320, 'safeguarding-flag');
});

/** A uuidv7 made `ms` ago, as the API makes response ids. */
function idMadeAgo(ms: number): string {
  const time = (Date.now() - ms).toString(16).padStart(12, '0');
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}

// Against a second server on its own database that runs no background coder
// (BACKGROUND_WORK=off, see playwright.config.ts): nothing it stores is coded.
test.describe('with the coder stalled', () => {
  test.use({ baseURL: process.env.E2E_STALLED_URL });

  test('staff are warned on the home page and the queue once an answer has waited more than 2 minutes to be coded', async ({ page, browser }) => {
    const { versionId, definition } = await definitionOf(page, SLUG);
    await send(page, versionId, definition as unknown as Definition, 'the underpass is scary at night');
    const health = async () => (await (await page.request.get('/api/health')).json()).coding;
    expect(await health()).toMatchObject({ delayed: false, backgroundCoderRunning: false });
    await signInAsStaff(page, DEMO_STAFF.safeguarding.email);
    await expect(page.getByRole('alert')).toHaveCount(0);

    // One stored 3 minutes ago, as if sent then: waiting ever since, with no coder to take it.
    const database = createClient({ url: process.env.E2E_STALLED_DATABASE_URL as string });
    try {
      await database.execute({
        sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, submitted_at) VALUES (?, ?, ?, ?, ?)',
        args: [idMadeAgo(3 * 60_000), versionId, randomUUID(), JSON.stringify(answersFor(definition as unknown as Definition, unsafe('the park'))), Date.now() - 3 * 60_000]
      });
    } finally {
      database.close();
    }
    expect(await health()).toMatchObject({ delayed: true, backgroundCoderRunning: false });
    expect((await health()).oldestUncodedSeconds).toBeGreaterThanOrEqual(180);

    for (const path of ['/staff', '/staff/safeguarding']) {
      await page.goto(path);
      const warning = page.getByRole('alert');
      await expect(warning).toContainText(/Warning: Coding is delayed\. The oldest answer has waited 3 minutes to be checked for safeguarding concerns/);
      await expect(warning).toContainText('a new disclosure may not be in the safeguarding queue yet. The background coder is not running.');
      await expectNoAxeFindings(page);
      await noSidewaysScrolling(page, 320, `coding-delay-warning${path.replaceAll('/', '-')}`);
      await page.setViewportSize({ width: 360, height: 740 });
    }

    // The warning is part of the page itself: it is there with JavaScript off too.
    const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL: process.env.E2E_STALLED_URL });
    try {
      const plain = await noScript.newPage();
      await signInAsStaff(plain, DEMO_STAFF.safeguarding.email);
      await expect(plain.getByRole('alert')).toContainText('Coding is delayed.');
    } finally {
      await noScript.close();
    }
  });

  test('analysts find an answer that could not be coded first in the review queue, with the reason, and code it by hand', async ({ page }) => {
    const { versionId, definition } = await definitionOf(page, SLUG);
    const text = `an answer the coder failed on (${Date.now()})`;
    const responseId = await send(page, versionId, definition as unknown as Definition, text);
    // Stored as the coder stores an answer it fails on: looked at, no themes, the reason kept.
    const database = createClient({ url: process.env.E2E_STALLED_DATABASE_URL as string });
    let questionnaireId: string;
    try {
      const now = Date.now();
      await database.batch(
        [
          { sql: 'INSERT INTO coded_responses (response_id, coded_at) VALUES (?, ?)', args: [responseId, now] },
          {
            sql: "INSERT INTO coded_answers (response_id, question_id, codebook_version, model_version, coded_at, certainty, needs_review, error) VALUES (?, 'what_makes_unsafe', 'default@1', 'default', ?, 0, 1, ?)",
            args: [responseId, now, 'The coder could not code this answer: TypeError: tokenizer.tokenize is not a function or its return value is not iterable']
          }
        ],
        'write'
      );
      questionnaireId = String((await database.execute({ sql: 'SELECT id FROM questionnaires WHERE slug = ?', args: [SLUG] })).rows[0]?.id);
    } finally {
      database.close();
    }

    await signInAsStaff(page, DEMO_STAFF.analyst.email);
    await page.goto(`/staff/analysis/${questionnaireId}/review`);
    await expect(page.locator('.notice-error')).toContainText('1 answer could not be coded automatically. It comes first in this queue, with the reason.');
    await expect(page.locator('.review-answer')).toContainText(text);
    await expect(page.getByText('This answer could not be coded automatically')).toBeVisible();
    await expect(page.getByText('Reason: The coder could not code this answer: TypeError: tokenizer.tokenize is not a function')).toBeVisible();
    await expectNoAxeFindings(page);
    await noSidewaysScrolling(page, 320, 'review-could-not-be-coded');
    await page.setViewportSize({ width: 360, height: 740 });

    // The analyst's themes code it: it is no longer counted as could not be coded.
    await page.getByRole('button', { name: 'Save and next' }).click();
    await expect(page.getByRole('status')).toContainText('Saved.');
    await expect(page.locator('.notice-error')).toHaveCount(0);
  });
});
