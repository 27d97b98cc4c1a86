import { expect, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings } from './helpers';

test.describe('error summary', () => {
  test('explains a missing answer, takes focus, links to the field and marks the title', async ({ page }) => {
    await page.goto('/s/community-safety-residents');
    await page.getByRole('button', { name: /Start now/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();

    const summary = page.locator('.error-summary');
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeFindings(page);

    const link = summary.getByRole('link').first();
    const target = (await link.getAttribute('href'))?.slice(1) ?? '';
    await link.click();
    await expect(page.locator(`[id="${target}"]`)).toBeFocused();
  });

  test('keeps what was typed and explains an over-long answer', async ({ page, request }) => {
    const { definition } = await (await request.get('/api/questionnaires/community-safety-residents')).json();
    type Q = { type: string; showIf?: unknown };
    const textPage = definition.pages.find((p: { questions: Q[] }) => p.questions.some((q) => q.type === 'longtext' && !q.showIf));
    const question = textPage.questions.find((q: Q) => q.type === 'longtext');

    await page.goto('/s/community-safety-residents');
    await page.getByRole('button', { name: /Start now/ }).click();
    await page.goto(`/s/community-safety-residents/q/${textPage.id}`);
    const tooLong = 'x'.repeat(question.maxLength + 5);
    await page.locator(`#${question.id}`).fill(tooLong);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect(page.locator('.error-summary')).toContainText(`${question.maxLength} characters or fewer`);
    await expect(page.locator(`#${question.id}`)).toHaveValue(tooLong);
    await expect(page.locator(`#${question.id}`)).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeFindings(page);
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the error summary is still shown, first on the page', async ({ page }) => {
    await page.goto('/s/feeling-safe-8-11');
    await page.getByRole('button', { name: /Start now/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
  });
});

test('a survey address that does not exist gets a clear, accessible page', async ({ page }) => {
  const res = await page.goto('/s/no-such-survey');
  expect(res?.status()).toBe(404);
  await expect(page.getByText('could not be found')).toBeVisible();
  await expectNoAxeFindings(page);
});

for (const path of ['/', '/privacy', '/accessibility', '/exit-this-page']) {
  test(`information page ${path} has no accessibility findings`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeFindings(page);
  });
}

test('a form body that cannot be read gets a 400 page, not a 500', async ({ request, baseURL }) => {
  const signedIn = await request.post('/api/auth/login', { data: { email: DEMO_STAFF.officer.email, password: DEMO_STAFF.password } });
  expect(signedIn.status()).toBe(200);
  const broken = { origin: new URL(baseURL ?? '').origin, 'content-type': 'multipart/form-data; boundary=----unfinished' };
  for (const path of ['/s/community-safety-residents', '/staff/sign-in', '/staff/questionnaires?/create']) {
    for (const [headers, data] of [
      [broken, '------unfinished\r\nContent-Disposition: form-data; name="title"\r\n\r\ncut off'],
      [{ ...broken, 'content-type': 'text/plain' }, 'title=plain']
    ] as const) {
      const res = await request.post(path, { headers, data, maxRedirects: 0 });
      expect(res.status(), `${path} with ${headers['content-type']}`).toBe(400);
      expect(await res.text()).toContain('The form could not be read');
    }
  }
});
