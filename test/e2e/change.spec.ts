import { expect, test } from '@playwright/test';
import { answerAllPages, definitionOf } from './helpers';

test('"Change" on check your answers returns to the question and back again', async ({ page }) => {
  const slug = 'community-safety-residents';
  const { definition } = await definitionOf(page, slug);
  await page.goto(`/s/${slug}`);
  await page.getByRole('button', { name: /Start now/ }).click();
  await answerAllPages(page, definition);

  await page.getByRole('link', { name: /Change your answer to: How safe do you feel walking alone in this area after dark/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('after dark');
  await page.getByLabel('Very unsafe').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await expect(page.locator('.summary-row', { hasText: 'after dark' })).toContainText('Very unsafe');
});
