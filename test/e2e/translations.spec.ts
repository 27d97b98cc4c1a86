// Translations: an officer translates part of a questionnaire into Arabic,
// is warned that it is not fully translated, and publishes it only after
// ticking to confirm. A respondent with JavaScript off picks العربية and
// reads right-to-left pages whose buttons, progress, errors and help are in
// Arabic (the product's own words, from the message catalogue), and may type
// numbers in Arabic-Indic digits (١٥ is 15), while the
// questionnaire's untranslated text is marked English, left to right, so its
// full stops stay at its end. Axe at 360 and 1280 px (through a page with
// JavaScript on); no sideways scrolling at 320 px.
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { staffApi } from './survey-copies';

const ABOUT_AR = 'عن هذا الاستبيان';
const CONSENT_ERROR_AR = 'اختر أنك تريد المشاركة لبدء الاستبيان';

/** Axe at 1280 and 360 px, then the page at 360 px again. */
async function axeAtWidths(page: Page) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeFindings(page);
  }
}

/** No sideways scrolling at 320 px; screenshots at 360 and 1280 px. */
async function fitsAndLooks(page: Page, name: string) {
  await page.setViewportSize({ width: 320, height: 740 });
  expect(await sidewaysScroll(page), `sideways scrolling at 320 px on ${page.url()}`).toBeLessThanOrEqual(0);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 740 });
    await screenshotPage(page, `${name}-${width}`, { maxHeight: 2400 });
  }
}

test('an officer publishes a part-translated Arabic questionnaire only after confirming, and a respondent reads it right to left with JavaScript off', async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  const title = `Safety in town ${stamp}`;
  const titleAr = `الأمان في المدينة ${stamp}`;

  // A questionnaire from the young people's template, ready to publish but for its translations.
  const send = await staffApi(request, DEMO_STAFF.officer.email);
  const created = await send('POST', '/api/designer/questionnaires', { from: { kind: 'template', slug: 'youth-safety-11-19' } });
  expect(created.status(), await created.text()).toBe(201);
  const { questionnaire, working } = await created.json();
  const id: string = questionnaire.id;
  const renamed = await send('PUT', `/api/designer/questionnaires/${id}/draft`, { definition: { ...working.definition, title } });
  expect(renamed.status()).toBe(200);
  // Its address follows the new title until it is first published.
  const slug: string = (await renamed.json()).questionnaire.slug;
  const privacy = { responsibleOrganisation: 'Demo Partnership', privacyContact: 'privacy@demo.safervoices.test', retention: 'Two years' };
  expect((await send('PUT', `/api/designer/questionnaires/${id}/privacy`, privacy)).status()).toBe(200);

  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto(`/staff/questionnaires/${id}/edit`);
  await page.getByRole('link', { name: 'Translations' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Translations');

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
  // Nothing translated yet: respondents are not offered Arabic, so there is nothing to warn about.
  await expect(page.locator('#incomplete-languages')).toHaveCount(0);

  await page.locator('#t-title').fill(titleAr);
  await page.locator('#t-q--about--label').fill(ABOUT_AR);
  await page.locator('#t-q--consent--requiredError').fill(CONSENT_ERROR_AR);
  await page.getByRole('button', { name: 'Save Arabic translations' }).click();
  await expect(page.getByRole('status')).toContainText('Translations saved');
  await expect(page.getByText(`${total - 3} of ${total} pieces of text are not translated yet`)).toBeVisible();
  // Offered to respondents now, but not fully translated: the officer is warned.
  await expect(page.locator('#incomplete-languages')).toContainText(`Arabic: ${total - 3} of ${total} pieces of text are not translated, so respondents who choose it would read them in English`);
  await axeAtWidths(page);

  // Publishing asks for confirmation, and refuses without it.
  await page.goto(`/staff/questionnaires/${id}/publish`);
  await expect(page.getByRole('group', { name: 'Languages not fully translated' })).toContainText(`Arabic: ${total - 3} of ${total}`);
  await page.getByRole('radio', { name: 'Link or code only' }).check();
  await page.getByRole('button', { name: 'Make it live' }).click();
  await expect(page.locator('.error-summary')).toContainText('Tick the box to publish languages that are not fully translated, or finish translating them first');
  await expectNoAxeFindings(page);
  expect((await request.get(`/api/questionnaires/${slug}`)).status()).toBe(404);
  await page.getByRole('radio', { name: 'Link or code only' }).check();
  await page.getByLabel('Publish these languages as they are').check();
  await page.getByRole('button', { name: 'Make it live' }).click();
  await expect(page.getByRole('status')).toContainText('Published');

  // A respondent with JavaScript off, and the same steps with it on for axe.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const respondent = await context.newPage();
  const checkerContext = await browser.newContext();
  const checker = await checkerContext.newPage();
  const both = async (step: (p: Page) => Promise<void>) => {
    await step(respondent);
    await step(checker);
  };

  await both(async (p) => {
    await p.goto(`/s/${slug}`);
    await expect(p.locator('html')).toHaveAttribute('lang', 'en');
    await p.getByRole('link', { name: 'العربية' }).click();
  });
  const html = respondent.locator('html');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText(titleAr);
  await expect(respondent.getByRole('button', { name: /ابدأ الآن/ })).toBeVisible();
  await expect(respondent.getByRole('link', { name: /الخروج من هذه الصفحة/ })).toBeVisible();
  await expect(respondent.getByRole('complementary', { name: 'مساعدة' })).toContainText('هل أنت قلق أو منزعج؟');
  // The untranslated start-page paragraph is marked English, left to right: its full stop stays at its end.
  const anonymous = respondent.locator('p', { hasText: 'The survey is anonymous.' });
  await expect(anonymous).toHaveAttribute('lang', 'en');
  await expect(anonymous).toHaveAttribute('dir', 'ltr');
  await expect(respondent.locator('.meta')).toContainText('للشباب بعمر 11–19');
  await fitsAndLooks(respondent, 'translations-ar-start');
  await axeAtWidths(checker);

  await both((p) => p.getByRole('button', { name: /ابدأ الآن/ }).click());
  await expect(respondent).toHaveURL(/\/q\/start$/);
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(respondent.getByText(ABOUT_AR)).toBeVisible();
  await expect(respondent.getByRole('link', { name: 'رجوع' })).toBeVisible();
  await expect(respondent.locator('.progress')).toHaveText(/· الجزء 1 من \d+/);
  // Not translated: the page title is the questionnaire's English, marked so.
  const heading = respondent.getByRole('heading', { level: 1, name: 'Before you start' });
  await expect(heading).toHaveAttribute('lang', 'en');
  await expect(heading).toHaveAttribute('dir', 'ltr');
  await expect(respondent.locator('label[for="consent"] [lang="en"][dir="ltr"]')).toHaveText('I understand and want to take part');
  await fitsAndLooks(respondent, 'translations-ar-question');
  await axeAtWidths(checker);

  // Sent without agreeing: the problem is said in Arabic, the officer's own words included.
  await both((p) => p.getByRole('button', { name: 'متابعة' }).click());
  const summary = respondent.locator('.error-summary');
  await expect(summary.getByRole('heading')).toHaveText('هناك مشكلة');
  await expect(summary.getByRole('link', { name: CONSENT_ERROR_AR })).toHaveAttribute('lang', 'ar');
  await expect(respondent).toHaveTitle(/^خطأ: /);
  await fitsAndLooks(respondent, 'translations-ar-error');
  await axeAtWidths(checker);

  await both(async (p) => {
    await p.locator('#consent').check();
    await p.getByRole('button', { name: 'متابعة' }).click();
  });
  await expect(respondent).toHaveURL(/\/q\/age$/);
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(respondent.locator('.caption')).toContainText(titleAr);
  await axeAtWidths(checker);
  await context.close();
  await checkerContext.close();
});

test('with JavaScript off, an Arabic reader gets the privacy notice, number errors, Check your answers, the thank-you page and "already sent" in Arabic', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  const titleAr = `استبيان قصير ${stamp}`;
  const send = await staffApi(request, DEMO_STAFF.officer.email);
  const created = await send('POST', '/api/designer/questionnaires', { from: { kind: 'template', slug: 'youth-safety-11-19' } });
  expect(created.status(), await created.text()).toBe(201);
  const { questionnaire, working } = await created.json();
  const id: string = questionnaire.id;
  // The first two pages only (consent, then age and gender), with just the title in Arabic.
  const definition = { ...working.definition, title: `Short survey ${stamp}`, pages: working.definition.pages.slice(0, 2), translations: { ar: { title: titleAr } } };
  const saved = await send('PUT', `/api/designer/questionnaires/${id}/draft`, { definition });
  expect(saved.status(), await saved.text()).toBe(200);
  const slug: string = (await saved.json()).questionnaire.slug;
  const privacy = { responsibleOrganisation: 'Demo Partnership', privacyContact: 'privacy@demo.safervoices.test', retention: 'Two years' };
  expect((await send('PUT', `/api/designer/questionnaires/${id}/privacy`, privacy)).status()).toBe(200);
  const published = await send('POST', `/api/designer/questionnaires/${id}/publish`, { confirmIncompleteLanguages: true });
  expect(published.status(), await published.text()).toBe(200);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const respondent = await context.newPage();
  const checkerContext = await browser.newContext();
  const checker = await checkerContext.newPage();
  const both = async (step: (p: Page) => Promise<void>) => {
    await step(respondent);
    await step(checker);
  };

  // "Who is asking" and the survey's privacy notice are in Arabic too; what the organisation typed stays marked English.
  await both(async (p) => {
    await p.goto(`/s/${slug}?lang=ar`);
  });
  const who = respondent.getByRole('region', { name: 'مَن يسأل' });
  await expect(who.locator('dt').first()).toHaveText('مَن يُجري هذا الاستبيان');
  await expect(who.locator('dd', { hasText: 'Demo Partnership' })).toHaveAttribute('lang', 'en');
  await both((p) => p.getByRole('link', { name: /إشعار الخصوصية/ }).click());
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('إشعار الخصوصية');
  await expect(respondent.locator('.caption')).toHaveText(titleAr);
  await expect(respondent.locator('main')).not.toContainText('Back to the survey');
  await expect(respondent.locator('main')).not.toContainText('What is collected');
  await expect(respondent.locator('.contact')).toHaveAttribute('lang', 'en');
  await fitsAndLooks(respondent, 'translations-ar-privacy');
  await axeAtWidths(checker);
  await both((p) => p.getByRole('link', { name: 'العودة إلى الاستبيان' }).click());

  await both(async (p) => {
    await p.goto(`/s/${slug}?lang=ar`);
    await p.getByRole('button', { name: /ابدأ الآن/ }).click();
    await p.locator('#consent').check();
    await p.getByRole('button', { name: 'متابعة' }).click();
    await expect(p).toHaveURL(/\/q\/age$/);
  });
  // “(optional)” and the unit are Arabic and English as they should be: the catalogue's and the officer's.
  await expect(respondent.locator('.optional').first()).toHaveText('(اختياري)');

  // A number written in words, then one too big: each explained in Arabic.
  await both(async (p) => {
    await p.locator('#age').fill('fifteen');
    await p.getByRole('button', { name: 'متابعة' }).click();
  });
  await expect(respondent.locator('.error-summary')).toContainText('أدخل الرقم بالأرقام، مثل 15');
  await expect(respondent.locator('.error-summary a')).toHaveAttribute('lang', 'ar');
  await expect(respondent.locator('#age-error .visually-hidden')).toHaveText('خطأ:');
  await fitsAndLooks(respondent, 'translations-ar-number-error');
  await axeAtWidths(checker);
  await both(async (p) => {
    await p.locator('#age').fill('30');
    await p.getByRole('button', { name: 'متابعة' }).click();
  });
  await expect(respondent.locator('.error-summary')).toContainText('أدخل رقمًا يساوي 19 أو أقل');

  // The age typed in Arabic-Indic digits, as an Arabic keyboard gives them, is taken as 15.
  await both(async (p) => {
    await p.locator('#age').fill('١٥');
    await p.locator('#gender').check();
    await p.getByRole('button', { name: 'متابعة' }).click();
    await expect(p).toHaveURL(/\/check$/);
  });
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('راجع إجاباتك');
  await expect(respondent.locator('.summary-row', { hasText: 'How old are you?' }).locator('.summary-value')).toHaveText(/^\s*15\b/);
  await expect(respondent.getByRole('link', { name: /^تغيير/ }).first()).toBeVisible();
  const ageLabel = respondent.locator('dt [lang]', { hasText: 'How old are you?' });
  await expect(ageLabel).toHaveAttribute('lang', 'en');
  await expect(ageLabel).toHaveAttribute('dir', 'ltr');
  await fitsAndLooks(respondent, 'translations-ar-check');
  await axeAtWidths(checker);

  await both((p) => p.getByRole('button', { name: 'أرسل إجاباتي' }).click());
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('شكرًا لك على إجاباتك');
  await expect(respondent.getByRole('heading', { level: 2, name: 'إذا كنت بحاجة إلى مساعدة أو تريد التحدث' })).toBeVisible();
  await expect(respondent.getByText('إذا كنت في خطر الآن، اتصل بالرقم')).toBeVisible();
  // The local service was not translated: its entry is marked English, left to right, as one block.
  const local = respondent.locator('.help-box li > div', { hasText: 'Talk in confidence to a youth worker' });
  await expect(local).toHaveAttribute('lang', 'en');
  await expect(local).toHaveAttribute('dir', 'ltr');
  await expect(local).toContainText('اتصل بالرقم 01632 960583');
  await fitsAndLooks(respondent, 'translations-ar-done');
  await axeAtWidths(checker);
  // Back after sending: the answers were sent, not cleared, said in Arabic.
  await both(async (p) => {
    await p.goBack();
  });
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('لقد أرسلت إجاباتك من قبل');
  await fitsAndLooks(respondent, 'translations-ar-already-sent');
  await axeAtWidths(checker);
  await context.close();
  await checkerContext.close();
});
