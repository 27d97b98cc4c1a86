import { expect, type Page, test } from '@playwright/test';
import { answerCurrentPage, definitionOf } from './helpers';

const JS_LIMIT = 15 * 1024;
const TOTAL_LIMIT = 60 * 1024;

/** Load `path` with an empty cache and add up the bytes sent over the network. */
async function transfer(page: Page, path: string) {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  let js = 0;
  let total = 0;
  session.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  session.on('Network.loadingFinished', (e) => {
    total += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await session.detach();
  return { js, total };
}

test('every respondent page sends at most 15 KB of JavaScript and 60 KB in all', async ({ page }) => {
  const slug = 'youth-safety-11-19';
  const { definition } = await definitionOf(page, slug);
  const pages: string[] = ['/', `/s/${slug}`];
  await page.goto(`/s/${slug}`);
  await page.getByRole('button', { name: /Start now/ }).click();
  for (const p of definition.pages.slice(0, 8)) pages.push(`/s/${slug}/q/${p.id}`);

  const measured: Record<string, { js: number; total: number }> = {};
  for (const path of pages) measured[path] = await transfer(page, path);

  // The error state and the end of the journey.
  await page.goto(`/s/${slug}/q/${definition.pages[0]?.id}`);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.error-summary')).toBeVisible();
  for (let guard = 0; guard < 40 && /\/q\//.test(page.url()); guard++) {
    await answerCurrentPage(page, definition);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  measured[`/s/${slug}/check`] = await transfer(page, `/s/${slug}/check`);
  measured[`/s/${slug}/done`] = await transfer(page, `/s/${slug}/done`);

  console.log('Transfer per page (bytes):', JSON.stringify(measured));
  for (const [path, { js, total }] of Object.entries(measured)) {
    expect(js, `${path} JavaScript`).toBeLessThanOrEqual(JS_LIMIT);
    expect(total, `${path} total`).toBeLessThanOrEqual(TOTAL_LIMIT);
  }
});
