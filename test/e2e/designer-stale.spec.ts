// Two officers editing one draft: the second save, made from a page showing
// the draft before the first, is refused kindly and the first change stays.
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';

const STALE = 'Someone else changed this questionnaire while you were editing. Your change was not saved.';

async function csrf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/auth/me')).json()).csrfToken;
}

async function newQuestionnaire(page: Page): Promise<string> {
  const res = await page.request.post('/api/designer/questionnaires', { headers: { 'x-csrf-token': await csrf(page) }, data: { from: { kind: 'template', slug: 'youth-safety-11-19' } } });
  expect(res.status()).toBe(201);
  return (await res.json()).questionnaire.id;
}

async function stored(page: Page, id: string) {
  return (await (await page.request.get(`/api/designer/questionnaires/${id}`)).json()).working.definition;
}

test('two officers change the settings of one draft: the second is told, and the first change survives', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInAsStaff(first, DEMO_STAFF.officer.email);
  await signInAsStaff(second, DEMO_STAFF.admin.email);
  const id = await newQuestionnaire(first);
  const before = await stored(first, id);
  const title = `Safer streets ${Date.now()}`;
  const summary = 'A summary the second officer typed.';

  // Both open the editor on the same draft.
  await first.goto(`/staff/questionnaires/${id}/edit`);
  await second.goto(`/staff/questionnaires/${id}/edit`);

  await first.getByLabel('Title', { exact: true }).fill(title);
  await first.getByRole('button', { name: 'Save settings' }).click();
  await expect(first.getByText('Saved. The logic check found no problems.')).toBeVisible();

  await second.getByLabel('Summary').fill(summary);
  await second.getByRole('button', { name: 'Save settings' }).click();
  const notice = second.getByRole('alert');
  await expect(notice).toContainText(STALE);
  // What they typed is given back, and the page shows the first officer's change.
  await expect(notice).toContainText('What you had typed:');
  await expect(notice.locator('dt')).toHaveText(['Summary']);
  await expect(notice.locator('dd')).toHaveText([summary]);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(second.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(second.getByLabel('Summary')).toHaveValue(before.summary);
  await expectNoAxeFindings(second);

  const after = await stored(first, id);
  expect(after.title).toBe(title);
  expect(after.summary).toBe(before.summary);

  // Now showing the current draft, the second officer's change goes in.
  await second.getByLabel('Summary').fill(summary);
  await second.getByRole('button', { name: 'Save settings' }).click();
  await expect(second.getByText('Saved. The logic check found no problems.')).toBeVisible();
  expect(await stored(first, id)).toMatchObject({ title, summary });

  // The first officer's page is now the older one: moving a page from it changes nothing.
  await first.getByRole('combobox', { name: 'Move page 1 to' }).selectOption({ label: 'Position 2' });
  await first.getByRole('button', { name: 'Move page 1', exact: true }).click();
  await expect(first).toHaveURL(/\?stale=1/);
  await expect(first.getByRole('alert')).toContainText(STALE);
  expect((await stored(first, id)).pages.map((p: { id: string }) => p.id)).toEqual(before.pages.map((p: { id: string }) => p.id));
  await first.context().close();
  await second.context().close();
});

test('the same question edited in two tabs: the later save is refused and gives back what was typed', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const id = await newQuestionnaire(page);
  const question = (await stored(page, id)).pages[0].questions[0];
  const other = await page.context().newPage();
  await page.goto(`/staff/questionnaires/${id}/edit/question/${question.id}`);
  await other.goto(`/staff/questionnaires/${id}/edit/question/${question.id}`);

  await other.getByLabel('Question', { exact: true }).fill('Wording from the other tab');
  await other.getByRole('button', { name: 'Save question' }).click();
  await expect(other).toHaveURL(/saved=/);

  await page.getByLabel('Question', { exact: true }).fill('Wording from this tab');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByRole('alert')).toContainText(STALE);
  await expect(page.getByRole('alert').locator('dd')).toHaveText(['Wording from this tab']);
  await expect(page.getByLabel('Question', { exact: true })).toHaveValue('Wording from the other tab');
  expect((await stored(page, id)).pages[0].questions[0].label).toBe('Wording from the other tab');
});

test('a form posted without a revision, as from a page saved before forms carried one, changes nothing', async ({ page, baseURL }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const id = await newQuestionnaire(page);
  const before = await stored(page, id);
  const res = await page.request.post(`/staff/questionnaires/${id}/edit?/settings`, {
    headers: { origin: baseURL ?? '', accept: 'text/html' },
    form: { title: 'Posted without a revision', summary: before.summary, intro: before.intro.join('\n\n'), audience: before.audience, minutes: String(before.minutes), quickExit: 'default' }
  });
  expect(res.status()).toBe(409);
  expect(await res.text()).toContain(STALE);
  expect((await stored(page, id)).title).toBe(before.title);
});
