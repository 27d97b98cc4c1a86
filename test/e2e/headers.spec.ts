import { expect, test } from '@playwright/test';

test('pages forbid inline scripts and framing, and still work', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const res = await page.goto('/s/youth-safety-11-19');
  const csp = res?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await page.getByRole('button', { name: /Start now/ }).click();
  await page.waitForLoadState('load');
  expect(blocked).toEqual([]);
});
