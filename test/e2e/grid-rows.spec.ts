// Grids on phones, one row per page (issue 16, item 4), with JavaScript off:
// the youth survey's places grid asks one place at a time, the grid's
// question as the caption above the place's name, so the name never
// scrolls away from its six answers. Back and Continue, "Part n of m", an
// error for the row left unanswered, and "Change" on the check page all
// work row by row, and the answers are stored as one grid answer, as before.
import { expect, type Page, test } from '@playwright/test';
import { answerCurrentPage, currentPageId, DEMO_STAFF, storedResponses } from './helpers';
import { partOf, respondentWithoutJavaScript } from './respondent-widths';
import { type Definition, staffApi } from './survey-copies';

const question = 'How safe do you feel in these places?';

/** A published copy of the youth survey whose places grid must be answered, row by row. */
async function requiredGridSurvey(page: Page) {
  const send = await staffApi(page.request, DEMO_STAFF.officer.email);
  const created = await send('POST', '/api/designer/questionnaires', { from: { kind: 'template', slug: 'youth-safety-11-19' } });
  expect(created.status(), await created.text()).toBe(201);
  const { questionnaire, working } = await created.json();
  const definition = structuredClone(working.definition) as Definition & { pages: { questions: { id: string; required?: boolean }[] }[] };
  for (const q of definition.pages.flatMap((p) => p.questions)) if (q.id === 'safe_places') q.required = true;
  definition.title = `Places one by one ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const saved = await send('PUT', `/api/designer/questionnaires/${questionnaire.id}/draft`, { definition });
  expect(saved.status(), await saved.text()).toBe(200);
  const privacy = await send('PUT', `/api/designer/questionnaires/${questionnaire.id}/privacy`, {
    responsibleOrganisation: 'Demo Partnership',
    privacyContact: 'privacy@demo.safervoices.test',
    retention: 'Two years'
  });
  expect(privacy.status(), await privacy.text()).toBe(200);
  const published = await send('POST', `/api/designer/questionnaires/${questionnaire.id}/publish`, {});
  expect(published.status(), await published.text()).toBe(200);
  const slug = String((await published.json()).questionnaire.slug);
  const live = await (await page.request.get(`/api/questionnaires/${slug}`)).json();
  return { slug, versionId: String(live.versionId), definition: live.definition as Definition };
}

test('the places grid asks one place per page, and Back, Continue, errors, the count and Change follow it', async ({ page: staff, browser }) => {
  test.setTimeout(180_000);
  const survey = await requiredGridSurvey(staff);
  const young = await respondentWithoutJavaScript(browser);
  const { page } = young;
  await page.goto(`/s/${survey.slug}`);
  await page.getByRole('button', { name: /Start now/ }).click();
  for (let guard = 0; guard < 20 && currentPageId(page) !== 'places'; guard++) {
    await answerCurrentPage(page, survey.definition);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  // The first place: its name is the heading, the grid's question the caption, six answers under it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town centre');
  const group = page.getByRole('group', { name: `${question} Town centre` });
  await expect(group).toBeVisible();
  await expect(page.getByRole('radio')).toHaveCount(6);
  const top = (await page.getByRole('heading', { level: 1 }).boundingBox())?.y ?? 0;
  const last = await page.getByRole('radio', { name: "I don't go there" }).boundingBox();
  expect((last?.y ?? 0) + (last?.height ?? 0) - top, 'the place and all its answers fit one phone screen').toBeLessThan(600);
  const first = await partOf(page);

  // Left unanswered, this row (and only this row) says so, linked to its first answer.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('.error-summary')).toContainText('Select an answer for “Town centre”');
  await expect(page.locator('.error-summary a')).toHaveCount(1);
  await expect(page.locator('.error-summary a')).toHaveAttribute('href', '#safe_places--town_centre');
  await expect(page.locator('#safe_places--town_centre-error')).toContainText('Town centre');
  await young.check('grid-row-error', {
    submit: async (checker) => {
      await checker.getByRole('button', { name: 'Continue' }).click();
    }
  });
  await page.getByRole('radio', { name: 'Fairly unsafe' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // The next place, one further on; Back returns to the first with its answer kept.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Parks');
  expect(new URL(page.url()).search).toContain('step=safe_places.park');
  expect(await partOf(page)).toEqual({ number: first.number + 1, count: first.count });
  await young.check('grid-row');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Town centre');
  await expect(page.getByRole('radio', { name: 'Fairly unsafe' })).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();

  const chosen: Record<string, string> = {
    Parks: 'Very safe',
    'Bus station': "I don't go there",
    'Train station': 'Fairly safe',
    'High street shops': 'Neither safe nor unsafe',
    'Alleyways and underpasses': 'Very unsafe'
  };
  for (const [place, answer] of Object.entries(chosen)) {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(place);
    await page.getByRole('radio', { name: answer }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  for (let guard = 0; guard < 20 && currentPageId(page); guard++) {
    await answerCurrentPage(page, survey.definition);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  // Check your answers: one row per place, each changed on its own page.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  const busRow = page.locator('.summary-row').filter({ has: page.locator('dt').filter({ hasText: /places\?\s*Bus station\s*$/ }) });
  await expect(busRow.locator('.summary-value')).toHaveText("I don't go there");
  await young.check('grid-check');
  await busRow.getByRole('link', { name: `Change your answer to: ${question} Bus station` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bus station');
  await expect(page.getByRole('radio', { name: "I don't go there" })).toBeChecked();
  await page.getByRole('radio', { name: 'Fairly unsafe' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await expect(busRow.locator('.summary-value')).toHaveText('Fairly unsafe');

  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
  // Stored as before: one answer to the grid, keyed by row.
  const [stored] = await storedResponses(survey.versionId);
  expect(stored?.answers.safe_places).toEqual({
    town_centre: 'fairly_unsafe',
    park: 'very_safe',
    bus_station: 'fairly_unsafe',
    train_station: 'fairly_safe',
    high_street_shops: 'neither',
    alleyways: 'very_unsafe'
  });
  await young.close();
});
