import { expect, test } from '@playwright/test';
import { answerAllPages, currentPageId, definitionOf, expectNoAxeFindings, SLUGS, storedWithText, uniqueText } from './helpers';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`completing a survey on a phone, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    for (const slug of SLUGS) {
      test(slug, async ({ page }) => {
        const { versionId, definition } = await definitionOf(page, slug);
        const text = uniqueText(slug);

        await page.goto('/');
        await page.getByRole('link', { name: definition.title }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(definition.title);
        await page.getByRole('button', { name: /Start now/ }).click();

        const check = javaScriptEnabled ? () => expectNoAxeFindings(page) : undefined;
        // "Select all that apply." is said once, even where a question's own hint says it too (youth stay_safe and avoid).
        const onPage = async () => {
          const hints = await page.getByText('Select all that apply.', { exact: true }).count();
          expect(hints, `"Select all that apply." on ${page.url()}`).toBe(currentPageId(page) === 'stay_safe' ? 1 : Math.min(hints, 1));
          await check?.();
        };
        await answerAllPages(page, definition, onPage, text);
        await check?.();
        await expect(page.getByRole('link', { name: /^Change/ }).first()).toBeVisible();

        await page.getByRole('button', { name: 'Send my answers' }).click();
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
        await expect(page.getByText('0800 1111').first()).toBeVisible();
        await expect(page.getByText('Fearless').first()).toBeVisible();
        await check?.();

        // Kept exactly once, with what was typed.
        expect(await storedWithText(versionId, text)).toHaveLength(1);
        // The session ends with the submission: the journey cannot be replayed,
        // and going Back says the answers were sent, not that they were cleared.
        await page.goBack();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have already sent your answers');
        await expect(page.getByText('Please start again')).toHaveCount(0);
        await expect(page.getByRole('link', { name: 'Answer the survey again from the start' })).toHaveAttribute('href', `/s/${slug}`);
        await check?.();
        await page.goto(`/s/${slug}/check`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have already sent your answers');
        expect(await storedWithText(versionId, text)).toHaveLength(1);
      });
    }
  });
}
