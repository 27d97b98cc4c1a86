// An optional question says so after its words, with a space: screen readers
// and people reading the page get "…this school year? (optional)", not
// "…year?(optional)".
import { expect, test } from '@playwright/test';
import { answerCurrentPage, currentPageId, definitionOf } from './helpers';

test.use({ javaScriptEnabled: false });

test('an optional question reads “(optional)” after a space', async ({ page }) => {
  const { definition } = await definitionOf(page, 'feeling-safe-8-11');
  const target = definition.pages.find((p) => p.questions.some((q) => q.type !== 'statement' && !q.required));
  expect(target, 'the 8–11 survey has an optional question').toBeDefined();
  await page.goto('/s/feeling-safe-8-11');
  await page.getByRole('button', { name: /Start now/ }).click();
  for (let step = 0; step < 30 && currentPageId(page) !== target?.id; step += 1) {
    await answerCurrentPage(page, definition);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  expect(currentPageId(page)).toBe(target?.id);
  const named = page.locator('legend, label').filter({ hasText: '(optional)' }).first();
  expect(await named.textContent()).toMatch(/\S \(optional\)$/);
});
