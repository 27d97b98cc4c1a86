// The review queue. An officer publishes a copy of the youth survey of its
// own (so the queue holds only these answers), young people answer it, and
// the demo analyst reviews the coded answers at a phone's width: with the
// keyboard shortcuts (toggling themes, skipping, accepting), then with
// JavaScript off (plain forms), then asks for retraining and re-coding. Axe
// on every state.
import { createClient } from '@libsql/client';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { answerAll, publishedYouthSurvey, staffApi, unsafe } from './survey-copies';

const SCREENSHOTS = process.env.E2E_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

const ANSWERS = [
  'Boys carry knives and threaten you on snapchat, ring Sophie Smith on 07700 900123',
  'worried',
  'more police patrols at night',
  'I feel a bit worried near the park',
  'the old quarry after school',
  'kids carry knives round here',
  'bring back the youth club, there is nothing to do',
  'people get bullied on snapchat',
  'drug dealers by the park',
  'no street lights on the path',
  'gangs near the station',
  'I feel scared walking home',
  'older lads get kids to run packages on the train',
  'racist comments at school every day',
  'it kicks off on snap then they meet up',
  'more things to do in the evening',
  'the underpass by the station at night',
  'lads on mopeds outside the chippy'
];

/** The first choice for every required question, and our free text. */

/** A published copy of the youth survey with these answers to "What makes you feel unsafe?"; returns its id. */
/** A published copy of the youth survey with these answers to "What makes you feel unsafe?"; returns its id. */
async function publishAndAnswer(request: APIRequestContext, title: string, texts: readonly string[]): Promise<string> {
  const survey = await publishedYouthSurvey(request, await staffApi(request, DEMO_STAFF.officer.email), title);
  await answerAll(request, survey, texts.map(unsafe));
  return survey.id;
}

async function decisionOf(responseId: string): Promise<string[] | null> {
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    const row = (await client.execute({ sql: 'SELECT themes FROM review_decisions WHERE response_id = ?', args: [responseId] })).rows[0];
    return row ? (JSON.parse(String(row.themes)) as string[]).sort() : null;
  } finally {
    client.close();
  }
}

const answerHeading = (page: Page) => page.getByRole('heading', { name: 'Answer to “What makes you feel unsafe?”' });
const currentAnswer = (page: Page) => page.locator('input[name="responseId"]').inputValue();
const boxes = (page: Page) => page.locator('[data-theme-checklist] input[type="checkbox"]');
const notice = (page: Page) => page.getByRole('status').filter({ hasText: /Saved|Skipped|Retraining|Re-coding/ });

/** The answers are coded by the server's background coder within seconds. */
async function openQueue(page: Page, id: string) {
  await page.goto(`/staff/analysis/${id}/review`);
  await expect(async () => {
    await page.reload();
    await expect(answerHeading(page)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test.describe
  .serial('the review queue', () => {
    let id: string;

    test.beforeAll(async ({ browser }) => {
      const context = await browser.newContext();
      id = await publishAndAnswer(context.request, `Review test ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`, ANSWERS);
      await context.close();
    });

    test('on a laptop the answer, its themes and Save and next are in one view; the counts add up; certainty is in words', async ({ page }) => {
      test.setTimeout(90_000);
      await signInAsStaff(page, DEMO_STAFF.analyst.email);
      await page.setViewportSize({ width: 1280, height: 800 });
      await openQueue(page, id);
      // Every answer coded (the background coder takes them in batches).
      await expect(async () => {
        await page.reload();
        await expect(page.locator('.review-progress')).toContainText(`${ANSWERS.length} answers left to review`, { timeout: 1000 });
      }).toPass({ timeout: 30_000 });
      await screenshotPage(page, 'review-1280', { maxHeight: 2400 });
      // Nothing to scroll to: the answer, the checklist and the button all sit in the first screen.
      for (const thing of [page.locator('.review-answer'), page.getByRole('group', { name: 'Which themes does this answer have?' }), page.getByRole('button', { name: 'Save and next' })]) {
        await expect(thing).toBeInViewport({ ratio: 1 });
      }
      // The last theme, reached by keyboard, is in view and not under the buttons (other tests may have added themes to the codebook, so the list can be longer than one screen).
      const lastBox = page.locator('[data-theme-checklist] .choice').last();
      await lastBox.locator('input').focus();
      await expect(lastBox).toBeInViewport({ ratio: 1 });
      const [boxBottom, buttonTop] = await Promise.all([lastBox.boundingBox(), page.locator('.review-actions').boundingBox()]);
      expect((boxBottom?.y ?? 0) + (boxBottom?.height ?? 0)).toBeLessThanOrEqual(buttonTop?.y ?? 0);
      // One count of what is left, and the two parts it is made of, which add up to it.
      const progress = ((await page.locator('.review-progress').textContent()) ?? '').replace(/\s+/g, ' ').replace(/(\d),(\d)/g, '$1$2');
      const [left, decided] = [...progress.matchAll(/(\d+) (?:answers? left to review|decided)/g)].map((m) => Number(m[1]));
      expect(left).toBe(ANSWERS.length);
      expect(decided).toBe(0);
      const parts = progress.match(/First the (\d+) answers? the coder asked you to check, then the (\d+) answers? it coded without asking/);
      if (parts) expect(Number(parts[1]) + Number(parts[2])).toBe(left);
      else expect(progress).toMatch(/The coder (asked you to check all of them|coded all of them without asking you to check)/);
      // How sure the coder is, in words, with what the words mean a click away; no bare percentages.
      await expect(page.locator('[data-certainty]')).toHaveText(
        /^The coder is (very sure|fairly sure|unsure|doubtful) about this answer: it expects all its theme choices for answers like this to be right .+ It (did not ask|asked) you to check this one\.$/
      );
      await expect(page.locator('main')).not.toContainText('%');
      await page.getByText('How the queue works and how sure the coder is').click();
      await expect(page.getByText('Fairly sure: 7 to 9 times in 10.')).toBeVisible();
      await expectNoAxeFindings(page);

      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoAxeFindings(page);
      await screenshotPage(page, 'review-360', { maxHeight: 3600 });
      await page.setViewportSize({ width: 320, height: 640 });
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    });

    test('the demo analyst reviews answers with the keyboard shortcuts', async ({ page }) => {
      test.setTimeout(120_000);
      await signInAsStaff(page, DEMO_STAFF.analyst.email);
      await openQueue(page, id);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review queue');
      await expect(page.locator('.review-progress')).toContainText(/\d+ answers left to review, 0 decided\./);
      await expect(page.locator('main')).not.toContainText('Sophie');
      // The shortcuts are announced on the page once the script runs.
      const help = page.getByRole('region', { name: 'Keyboard shortcuts' });
      await expect(help).toBeVisible();
      await expect(page.locator('[data-key-hint]').first()).toBeVisible();
      await expectNoAxeFindings(page);
      await shot(page, 'review-queue');

      await page.keyboard.press('?');
      await expect(help.getByText('Tick or untick the theme with that number')).toBeVisible();
      await expectNoAxeFindings(page);
      await shot(page, 'review-shortcuts');
      await page.keyboard.press('?');
      await expect(help.getByText('Tick or untick the theme with that number')).toBeHidden();

      // 1 ticks or unticks the first theme, and says so.
      const first = boxes(page).first();
      const wasTicked = await first.isChecked();
      await page.keyboard.press('1');
      await expect(first).toBeChecked({ checked: !wasTicked });
      await expect(page.locator('[data-shortcut-status]')).toHaveText(/(ticked|not ticked)$/);
      await page.keyboard.press('1');
      await expect(first).toBeChecked({ checked: wasTicked });

      // Not while typing in a field.
      await page.evaluate(() => {
        const field = document.createElement('input');
        field.type = 'text';
        field.id = 'typing-test';
        field.setAttribute('aria-label', 'Typing test');
        document.querySelector('main')?.append(field);
      });
      await page.locator('#typing-test').focus();
      await page.keyboard.type('1s');
      await expect(first).toBeChecked({ checked: wasTicked });
      await expect(page).not.toHaveURL(/done=skipped/);
      await page.evaluate(() => document.getElementById('typing-test')?.remove());

      // Single-key shortcuts can be turned off.
      await help.getByLabel('Use single-key shortcuts').uncheck();
      await expect(page.locator('[data-key-hint]').first()).toBeHidden();
      await page.locator('body').press('1');
      await expect(first).toBeChecked({ checked: wasTicked });
      await help.getByLabel('Use single-key shortcuts').check();

      // s skips.
      const skipped = await currentAnswer(page);
      await page.locator('body').press('s');
      await expect(page).toHaveURL(/done=skipped/);
      await expect(notice(page)).toContainText('Skipped');
      expect(await currentAnswer(page)).not.toBe(skipped);
      expect(await decisionOf(skipped)).toBeNull();

      // a accepts the coder's suggestions and moves on; ten more the same way.
      for (let n = 1; n <= 11; n++) {
        // The shortcuts work once the script has shown their help.
        await expect(help).toBeVisible();
        const answer = await currentAnswer(page);
        const suggested = (await page.locator('[data-theme-checklist] input[data-suggested]').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))).sort();
        await page.locator('body').press('a');
        await expect(page.locator('.review-progress')).toContainText(`${n} decided`);
        await expect(notice(page)).toContainText('Saved');
        expect(await decisionOf(answer)).toEqual(suggested);
      }
      await expectNoAxeFindings(page);
    });

    test('with JavaScript off, the analyst ticks themes, saves, skips, and retrains the model', async ({ browser, page: checker }) => {
      test.setTimeout(120_000);
      // axe-core cannot run in a page with JavaScript off (its timers never fire),
      // so each state is checked by opening the same address in a page with it on.
      await signInAsStaff(checker, DEMO_STAFF.analyst.email);
      const axeAt = async (url: string) => {
        await checker.goto(url);
        await expect(checker.getByRole('heading', { level: 1 })).toHaveText('Review queue');
        await expectNoAxeFindings(checker);
      };
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      try {
        await signInAsStaff(page, DEMO_STAFF.analyst.email);
        await openQueue(page, id);
        await expect(page.getByRole('region', { name: 'Keyboard shortcuts' })).toHaveCount(0);
        await expect(page.locator('[data-key-hint]').first()).toBeHidden();

        const answer = await currentAnswer(page);
        const environment = page.getByRole('checkbox', { name: /^Places & environment/ });
        const before = await environment.isChecked();
        await environment.setChecked(!before);
        const chosen = (await boxes(page).evaluateAll((els) => els.filter((el) => (el as HTMLInputElement).checked).map((el) => (el as HTMLInputElement).value))).sort();
        await page.getByRole('button', { name: 'Save and next' }).click();
        await expect(notice(page)).toContainText('Saved');
        expect(await decisionOf(answer)).toEqual(chosen);
        await axeAt(page.url());

        const skipped = await currentAnswer(page);
        await page.getByRole('link', { name: 'Skip this answer' }).click();
        await expect(notice(page)).toContainText('Skipped');
        expect(await currentAnswer(page)).not.toBe(skipped);

        await page.getByRole('button', { name: 'Retrain now' }).click();
        await expect(notice(page)).toContainText('Retraining has been asked for');
        await axeAt(page.url());
        // The background coder trains the model; the page then says what it learnt from.
        const model = page.getByRole('region', { name: "Your organisation's model" });
        await expect(async () => {
          await page.reload();
          await expect(model).toContainText(/Trained on \d+ decisions/, { timeout: 1000 });
        }).toPass({ timeout: 40_000 });
        await page.getByRole('button', { name: 'Re-code this questionnaire with the model' }).click();
        await expect(notice(page)).toContainText('Re-coding has started');
        await axeAt(page.url());
        await shot(checker, 'review-no-js-recode');
      } finally {
        await context.close();
      }
    });
  });
