// Theme prevalence: answers sent through the API are coded by the server's
// background coder, and an officer sees the chart, the table (small numbers
// withheld as [c]) and redacted quotes with the evidence highlighted. The
// demo surveys come with demo responses, so the test answers a published
// copy of the youth survey of its own.
import { randomUUID } from 'node:crypto';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';

const UNSAFE = 'Boys carry knives and people threaten you on snapchat, ring Sophie Smith on 07700 900123';

interface Question {
  id: string;
  type: string;
  required: boolean;
  min?: number;
  options?: { value: string }[];
  points?: { value: string }[];
  places?: { value: string }[];
  rows?: { value: string }[];
  multiple?: boolean;
}

/** The first choice for every required question, and our free text. */
function answersFor(definition: { pages: { questions: Question[] }[] }, text: string): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of definition.pages.flatMap((p) => p.questions)) {
    if (!q.required) continue;
    const first = (list?: { value: string }[]) => list?.[0]?.value;
    if (q.type === 'single') answers[q.id] = first(q.options);
    else if (q.type === 'scale') answers[q.id] = first(q.points);
    else if (q.type === 'multiple') answers[q.id] = [first(q.options)];
    else if (q.type === 'place') answers[q.id] = q.multiple ? [first(q.places)] : first(q.places);
    else if (q.type === 'grid') answers[q.id] = Object.fromEntries((q.rows ?? []).map((r) => [r.value, first(q.points)]));
    else if (q.type === 'number') answers[q.id] = q.min ?? 1;
    else if (q.type === 'consent') answers[q.id] = true;
  }
  return { ...answers, what_makes_unsafe: text };
}

/** An officer publishes a copy of the youth survey; returns its id, version and definition. */
async function publishedCopy(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', { data: { email: DEMO_STAFF.officer.email, password: DEMO_STAFF.password } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = await login.json();
  const send = (method: 'POST' | 'PUT', path: string, data: unknown) => request.fetch(path, { method, data, headers: { 'x-csrf-token': csrfToken } });
  const created = await send('POST', '/api/designer/questionnaires', { from: { kind: 'template', slug: 'youth-safety-11-19' } });
  expect(created.status(), await created.text()).toBe(201);
  const { questionnaire, working } = await created.json();
  const title = `Prevalence test ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;
  expect((await send('PUT', `/api/designer/questionnaires/${questionnaire.id}/draft`, { definition: { ...working.definition, title } })).status()).toBe(200);
  expect((await send('POST', `/api/designer/questionnaires/${questionnaire.id}/publish`, {})).status()).toBe(200);
  const live = await request.get(`/api/questionnaires/${questionnaire.slug}`);
  expect(live.status()).toBe(200);
  const { versionId, definition } = await live.json();
  return { id: String(questionnaire.id), versionId: String(versionId), definition };
}

const row = (page: Page, theme: string) => page.locator('table.themes-table tbody tr').filter({ has: page.getByRole('rowheader', { name: theme, exact: true }) });

test('an officer sees theme prevalence, withheld small numbers and redacted quotes', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const officer = await browser.newContext();
  const { id, versionId, definition } = await publishedCopy(officer.request);
  await officer.close();
  // 12 about knives and snapchat, 10 not: both sides of each figure are at least 10.
  for (let i = 0; i < 22; i++) {
    const answers = answersFor(definition as never, i < 12 ? UNSAFE : 'The dark alley behind the shops at night');
    const res = await page.request.post('/api/responses', { data: { versionId, answers, idempotencyKey: randomUUID() } });
    expect(res.status(), await res.text()).toBe(201);
  }

  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto(`/staff/questionnaires/${id}`);
  await page.getByRole('link', { name: 'Themes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Themes in free-text answers');
  await page.getByLabel('Question', { exact: true }).selectOption('what_makes_unsafe');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/question=what_makes_unsafe/);

  // The background coder picks the answers up within a few seconds.
  await expect(async () => {
    await page.reload();
    await expect(row(page, 'Knives & weapons').locator('td').first()).not.toHaveText('[c]', { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  const chart = page.getByRole('img', { name: /Bar chart/ });
  await expect(chart).toBeVisible();
  await expect(page.locator('figcaption')).toContainText(/The most common theme was .+: \d+% \(95% CI \d+–\d+%\) of [\d,]+ answers\./);
  const knives = row(page, 'Knives & weapons').locator('td');
  expect(Number(await knives.nth(0).textContent())).toBeGreaterThanOrEqual(12);
  await expect(knives.nth(1)).toHaveText(/^\d+%$/);
  await expect(knives.nth(2)).toHaveText(/^\d+–\d+%$/);
  // Nobody wrote about exclusion: withheld, as are all figures under 10.
  await expect(row(page, 'School exclusion').locator('td')).toHaveText(['[c]', '[c]', '[c]']);
  await expect(page.getByText(/\[c\] means the figure is withheld/)).toBeVisible();

  const quote = page.locator('blockquote').filter({ hasText: 'threaten you on snapchat' }).first();
  await expect(quote).toContainText('ring [name] on [phone]');
  await expect(quote.locator('mark').first()).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Sophie');
  await expect(page.locator('main')).not.toContainText('07700');
  await expectNoAxeFindings(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(chart).toBeVisible();
  await expectNoAxeFindings(page);
});
