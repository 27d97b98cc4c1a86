// An optional question says so after its words, with a space: screen readers
// and people reading the page get "…at school or college? (optional)", not
// "…college?(optional)". (The 8–11 survey marks none: its start page says
// once that any question can be skipped; see children-wording.spec.ts.)
import { expect, test } from '@playwright/test';
import { answerCurrentPage, currentPageId, definitionOf } from './helpers';

test.use({ javaScriptEnabled: false });

test('an optional question reads “(optional)” after a space', async ({ page }) => {
  const { definition } = await definitionOf(page, 'youth-safety-11-19');
  const target = definition.pages.find((p) => p.questions.some((q) => q.type !== 'statement' && !q.required));
  expect(target, 'the youth survey has an optional question').toBeDefined();
  await page.goto('/s/youth-safety-11-19');
  await page.getByRole('button', { name: /Start now/ }).click();
  for (let step = 0; step < 30 && currentPageId(page) !== target?.id; step += 1) {
    await answerCurrentPage(page, definition);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  expect(currentPageId(page)).toBe(target?.id);
  const named = page.locator('legend, label').filter({ hasText: '(optional)' }).first();
  expect(await named.textContent()).toMatch(/\S \(optional\)$/);
});
