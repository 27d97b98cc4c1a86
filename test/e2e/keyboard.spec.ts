import { expect, type Page, test } from '@playwright/test';
import { currentPageId, definitionOf, storedWithText, uniqueText } from './helpers';

/** What has keyboard focus now. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return { tag: el?.tagName ?? '', type: el?.type ?? '', id: el?.id ?? '', name: el?.name ?? '', text: el?.textContent?.trim() ?? '' };
  });

/** Tab through the page, answering each control, until Continue, then press Enter. */
async function answerByKeyboard(page: Page, text: string) {
  const seen = new Set<string>();
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    if (el.tag === 'BUTTON') {
      await page.keyboard.press('Enter');
      return;
    }
    if (el.tag === 'TEXTAREA' || (el.tag === 'INPUT' && el.type === 'text')) {
      const numeric = await page.evaluate(() => document.activeElement?.getAttribute('inputmode') === 'numeric');
      await page.keyboard.type(numeric ? '14' : text);
    } else if (el.tag === 'INPUT' && !seen.has(el.name)) {
      // The first option of each radio group or checkbox list: Space chooses it.
      seen.add(el.name);
      await page.keyboard.press('Space');
    }
  }
  throw new Error('Never reached the Continue button');
}

test('a survey can be completed with the keyboard alone', async ({ page }) => {
  const slug = 'youth-safety-11-19';
  const { versionId } = await definitionOf(page, slug);
  const text = uniqueText('keyboard');
  await page.goto(`/s/${slug}`);
  // From the top of the page: skip link, then onwards to Start now.
  for (let i = 0; i < 30 && (await focused(page)).text !== 'Start now →'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/q\//);

  for (let guard = 0; guard < 40 && currentPageId(page); guard++) {
    const before = page.url();
    await answerByKeyboard(page, text);
    await page.waitForURL((url) => url.toString() !== before);
    await expect(page.locator('.error-summary')).toHaveCount(0);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  for (let i = 0; i < 200 && (await focused(page)).text !== 'Send my answers'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
  expect(await storedWithText(versionId, text)).toHaveLength(1);
});
