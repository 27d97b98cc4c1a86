// Children's wording (issue 16, item 3), with JavaScript off: the 8–11
// survey says once, at the start, that any question can be skipped and marks
// no question "(optional)"; its hints are a child's words ("You can pick
// more than one", "about 160 words"), the number hint and its error give the
// same example ("like 9") and a too-long answer is told "about 160 words" too; "Part n of 12" neither jumps nor changes its total
// when answers bring in follow-up questions; the last question is a box with
// room to tell something that matters.
import { expect, test } from '@playwright/test';
import { answerCurrentPage, currentPageId, definitionOf, storedWithText, uniqueText } from './helpers';
import { partOf, respondentWithoutJavaScript } from './respondent-widths';

const slug = 'feeling-safe-8-11';

test('a child meets one "you can skip" sentence, their own words, a steady count and room to tell us something', async ({ page: staffless, browser }) => {
  test.setTimeout(180_000);
  const { versionId, definition } = await definitionOf(staffless, slug);
  const child = await respondentWithoutJavaScript(browser);
  const { page } = child;

  await page.goto(`/s/${slug}`);
  await expect(page.getByText('You can skip any question.', { exact: true })).toHaveCount(1);
  await child.check('children-start');
  await page.getByRole('button', { name: /Start now/ }).click();

  const seen: { id: string | null; number: number; count: number }[] = [];
  const disclosure = `${uniqueText('children')}\nMy brother's friend keeps following me home from the park.\nI have not told anyone.`;
  for (let guard = 0; guard < 30 && currentPageId(page); guard++) {
    const id = currentPageId(page);
    seen.push({ id, ...(await partOf(page)) });
    await expect(page.locator('main')).not.toContainText('(optional)');
    await expect(page.locator('main')).not.toContainText('Select all that apply');
    await expect(page.locator('main')).not.toContainText('characters');

    if (id === 'age') {
      await expect(page.locator('#age-hint')).toContainText('like 9');
      await page.locator('#age').fill('nine');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.locator('.error-summary')).toContainText('Enter a number using digits, like 9');
      await expect(page.locator('#age-error')).toContainText('like 9');
      await child.check('children-age-error', {
        submit: async (checker) => {
          await checker.locator('#age').fill('nine');
          await checker.getByRole('button', { name: 'Continue' }).click();
        }
      });
      await page.locator('#age').fill('9');
      await page.getByRole('button', { name: 'Continue' }).click();
      continue;
    }
    if (id === 'who_tell') {
      await expect(page.getByText('You can pick more than one.', { exact: true })).toBeVisible();
      await child.check('children-who-tell');
    }
    if (id === 'what_unsafe') {
      await expect(page.getByText('You can write up to about 160 words.')).toBeVisible();
      await child.check('children-what-unsafe');
      // Too long: the error says it in the same words as the hint, not in characters.
      await page.getByRole('textbox').first().fill('x'.repeat(10_000));
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.locator('.error-summary')).toContainText('That is too long. Please write up to about 160 words.');
      await expect(page.locator('main')).not.toContainText('characters');
    }
    if (id === 'anything_else') {
      // A box of several lines, not a one-line field, with room for a long answer.
      const box = page.getByRole('textbox', { name: 'Is there anything else you want to tell us?' });
      await expect(box).toHaveJSProperty('tagName', 'TEXTAREA');
      expect(Number(await box.getAttribute('rows'))).toBeGreaterThanOrEqual(5);
      await expect(page.getByText('You can write up to about 160 words.')).toBeVisible();
      await box.fill(disclosure);
      await child.check('children-anything-else');
      await page.getByRole('button', { name: 'Continue' }).click();
      continue;
    }
    // The first answer everywhere: "Yes" to going online and to feeling unsafe, bringing in both follow-ups.
    await answerCurrentPage(page, definition as never);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toHaveCount(0);
  }

  // One total on every page; each page's number is the last one's or one more; a follow-up keeps its question's number.
  expect(new Set(seen.map((s) => s.count)).size).toBe(1);
  expect(seen[0]?.number).toBe(1);
  for (let i = 1; i < seen.length; i++) expect((seen[i]?.number ?? 0) - (seen[i - 1]?.number ?? 0), `${seen[i]?.id}`).toBeGreaterThanOrEqual(0);
  for (let i = 1; i < seen.length; i++) expect((seen[i]?.number ?? 0) - (seen[i - 1]?.number ?? 0), `${seen[i]?.id}`).toBeLessThanOrEqual(1);
  const numberOf = (id: string) => seen.find((s) => s.id === id)?.number;
  expect(seen.map((s) => s.id)).toEqual(expect.arrayContaining(['online', 'what_unsafe']));
  expect(numberOf('online')).toBe(numberOf('go_online'));
  expect(numberOf('what_unsafe')).toBe(numberOf('felt_unsafe'));
  expect(seen.at(-1)?.number).toBe(seen.at(-1)?.count);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await child.check('children-check');
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
  // What the child wrote is kept whole, line breaks and all.
  expect(await storedWithText(versionId, disclosure)).toHaveLength(1);
  await child.close();
});
