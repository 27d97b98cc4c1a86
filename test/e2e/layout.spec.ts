import { expect, test } from '@playwright/test';
import { definitionOf } from './helpers';

// WCAG 1.4.10 reflow: at 320 CSS pixels (a 1280px screen at 400% zoom)
// nothing may need scrolling sideways, each row of a grid of questions included.
test.use({ viewport: { width: 320, height: 640 } });

test('survey pages fit a 320px-wide screen without sideways scrolling', async ({ page }) => {
  const slug = 'youth-safety-11-19';
  const { definition } = await definitionOf(page, slug);
  await page.goto(`/s/${slug}`);
  const paths = [`/s/${slug}`];
  await page.getByRole('button', { name: /Start now/ }).click();
  for (const p of definition.pages) {
    paths.push(`/s/${slug}/q/${p.id}`);
    // A grid is asked one row per page.
    for (const q of p.questions) for (const row of q.rows ?? []) paths.push(`/s/${slug}/q/${p.id}?step=${q.id}.${row.value}`);
  }
  for (const path of paths) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});
