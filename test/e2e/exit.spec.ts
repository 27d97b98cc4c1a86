import { expect, test } from '@playwright/test';

test.beforeEach(async ({ context }) => {
  // The neutral site is outside this machine's closed network: answer for it.
  await context.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
});

test('"Exit this page" leaves for a neutral site and forgets the answers', async ({ page }) => {
  await page.goto('/s/youth-safety-11-19');
  await page.getByRole('button', { name: /Start now/ }).click();
  const questionUrl = page.url();
  await page.getByRole('link', { name: 'Emergency Exit this page' }).click();
  await expect(page).toHaveURL(/bbc\.co\.uk\/weather/);

  await page.goto(questionUrl);
  await expect(page).toHaveURL(/\/s\/youth-safety-11-19\?expired=1$/);
  await expect(page.getByText('Please start again')).toBeVisible();
});

test('pressing Shift three times exits too', async ({ page }) => {
  await page.goto('/s/feeling-safe-8-11');
  await page.getByRole('button', { name: /Start now/ }).click();
  await page.waitForLoadState('load');
  await page.keyboard.press('Shift');
  await expect(page.getByText('Shift, press 2 more times to exit.')).toBeAttached();
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(/bbc\.co\.uk\/weather/);
});

test('survey pages are not kept in the browser cache', async ({ page }) => {
  await page.goto('/s/youth-safety-11-19');
  const res = await page.request.get('/s/youth-safety-11-19');
  expect(res.headers()['cache-control']).toBe('no-store');
});

test('surveys for adults do not show the exit button', async ({ page }) => {
  await page.goto('/s/community-safety-residents');
  await expect(page.getByRole('link', { name: 'Emergency Exit this page' })).toHaveCount(0);
});
