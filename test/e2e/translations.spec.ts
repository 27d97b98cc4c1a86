// Translations: an officer translates a questionnaire into Arabic in the
// designer and publishes it; a respondent picks العربية on the start page and
// reads right-to-left pages, with untranslated text falling back to English.
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';

const ABOUT_AR = 'عن هذا الاستبيان';
const CONSENT_ERROR_AR = 'اختر أنك تريد المشاركة لبدء الاستبيان';

/** A new questionnaire from the young people's template, with a title only this test uses. */
async function newQuestionnaire(page: Page, title: string): Promise<{ id: string; slug: string }> {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken };
  const created = await page.request.post('/api/designer/questionnaires', { headers, data: { from: { kind: 'template', slug: 'youth-safety-11-19' } } });
  expect(created.status()).toBe(201);
  const body = await created.json();
  const saved = await page.request.put(`/api/designer/questionnaires/${body.questionnaire.id}/draft`, { headers, data: { definition: { ...body.working.definition, title } } });
  expect(saved.ok()).toBe(true);
  return { id: body.questionnaire.id, slug: body.questionnaire.slug };
}

test('an officer translates a questionnaire into Arabic and a respondent answers it right to left', async ({ page, browser }) => {
  const stamp = `${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  const title = `Safety in town ${stamp}`;
  const titleAr = `الأمان في المدينة ${stamp}`;
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const { id, slug } = await newQuestionnaire(page, title);

  await page.goto(`/staff/questionnaires/${id}/edit`);
  await page.getByRole('link', { name: 'Translations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Translations');
  await expectNoAxeFindings(page);

  // Adding without choosing a language explains itself.
  await page.getByRole('button', { name: 'Add language' }).click();
  await expect(page.locator('.error-summary')).toContainText('Choose the language to translate into');
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeFindings(page);

  await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Arabic (العربية)' });
  await page.getByRole('button', { name: 'Add language' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Arabic' })).toBeVisible();
  const total = await page.locator('textarea[lang="ar"]').count();
  await expect(page.getByText(`${total} of ${total} pieces of text are not translated yet`)).toBeVisible();
  await expect(page.locator('#t-title')).toHaveAttribute('dir', 'rtl');
  await expectNoAxeFindings(page);

  await page.locator('#t-title').fill(titleAr);
  await page.locator('#t-q--about--label').fill(ABOUT_AR);
  await page.locator('#t-q--consent--requiredError').fill(CONSENT_ERROR_AR);
  await page.getByRole('button', { name: 'Save Arabic translations' }).click();
  await expect(page.getByRole('status')).toContainText('Translations saved');
  await expect(page.getByText(`${total - 3} of ${total} pieces of text are not translated yet`)).toBeVisible();
  await expect(page.locator('#t-title')).toHaveValue(titleAr);
  await expectNoAxeFindings(page);

  await page.goto(`/staff/questionnaires/${id}`);
  await page.getByRole('button', { name: /^Publish version/ }).click();
  await expect(page.getByRole('status')).toContainText('Published');

  // A respondent, in a browser of their own.
  const context = await browser.newContext();
  const respondent = await context.newPage();
  await respondent.goto(`/s/${slug}`);
  await expect(respondent.locator('html')).toHaveAttribute('lang', 'en');
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText(title);
  await expectNoAxeFindings(respondent);
  await respondent.getByRole('link', { name: 'العربية' }).click();
  await expect(respondent.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(respondent.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText(titleAr);
  await expectNoAxeFindings(respondent);

  await respondent.getByRole('button', { name: /Start now/ }).click();
  await expect(respondent).toHaveURL(/\/q\/start$/);
  await expect(respondent.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(respondent.getByText(ABOUT_AR)).toBeVisible();
  // Not translated: shown in English, the questionnaire's own language.
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('Before you start');
  await expect(respondent.getByText('I understand and want to take part')).toBeVisible();
  await expectNoAxeFindings(respondent);

  // The officer's error message is translated too.
  await respondent.getByRole('button', { name: 'Continue' }).click();
  await expect(respondent.locator('.error-summary')).toContainText(CONSENT_ERROR_AR);
  await expect(respondent.locator('.error-summary a')).toHaveAttribute('lang', 'ar');
  await expectNoAxeFindings(respondent);

  await respondent.locator('#consent').check();
  await respondent.getByRole('button', { name: 'Continue' }).click();
  await expect(respondent).toHaveURL(/\/q\/age$/);
  await expect(respondent.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(respondent.locator('.caption')).toContainText(titleAr);
  await expectNoAxeFindings(respondent);
  await context.close();
});
