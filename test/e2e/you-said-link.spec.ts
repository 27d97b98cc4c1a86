// The survey's confirmation page links to the organisation's public "You
// said, we did" list when the questionnaire names it (a designer setting) and
// something is published there; and a report author is not offered, or
// shown, a quote from an answer flagged for safeguarding until a
// safeguarding lead clears it.
// Each test works on a copy of the youth survey of its own, so parallel tests
// on the shared demo database do not meet its answers.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { answerAllPages, axeAt, DEMO_STAFF, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { answerAll, publishedYouthSurvey, type Send, staffApi, unsafe } from './survey-copies';

const LINK = 'See what has changed because of what young people said';

/** Lower-case letters only, so that redaction (names, numbers) leaves it as typed. */
const letters = () =>
  Array.from(randomUUID().replace(/-/g, ''))
    .map((c) => String.fromCharCode(97 + (Number.parseInt(c, 16) % 26)))
    .join('')
    .slice(0, 10);

/** A report by the demo's strategy author, created and published through the API. */
async function publishedReport(author: Send, definition: Record<string, unknown>): Promise<{ id: string; slug: string }> {
  const created = await author('POST', '/api/reports', { definition });
  expect(created.status(), await created.text()).toBe(201);
  const { report } = await created.json();
  const published = await author('POST', `/api/reports/${report.id}/publish`, { version: 1 });
  expect(published.status(), await published.text()).toBe(200);
  return report;
}

test('with the setting on, the confirmation page links to the published "You said, we did" list; JavaScript off', async ({ browser, page: checker, request }) => {
  test.setTimeout(120_000);
  const stamp = letters();

  // An officer makes a copy of the youth survey and ticks the setting in the designer, with JavaScript off.
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const officer = await staffApi(page.request);
  const created = await officer('POST', '/api/designer/questionnaires', { from: { kind: 'template', slug: 'youth-safety-11-19' } });
  expect(created.status(), await created.text()).toBe(201);
  const { questionnaire } = await created.json();
  await page.goto(`/staff/questionnaires/${questionnaire.id}/edit`);
  const box = page.getByRole('checkbox', { name: /On the confirmation page, link to what the organisation has done about what people said/ });
  await expect(box).not.toBeChecked();
  await box.check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
  await page.goto(`/staff/questionnaires/${questionnaire.id}/edit`);
  await expect(box).toBeChecked();
  await screenshotPage(page, 'you-said-link-setting');
  await signInAsStaff(checker, DEMO_STAFF.officer.email);
  await axeAt(checker, page.url());
  const privacy = { responsibleOrganisation: 'Demo Partnership', privacyContact: 'privacy@demo.safervoices.test', retention: 'Two years' };
  expect((await officer('PUT', `/api/designer/questionnaires/${questionnaire.id}/privacy`, privacy)).status()).toBe(200);
  const published = await officer('POST', `/api/designer/questionnaires/${questionnaire.id}/publish`, {});
  expect(published.status(), await published.text()).toBe(200);
  const live = await (await request.get(`/api/questionnaires/${questionnaire.slug}`)).json();
  expect(live.definition.linkYouSaidWeDid).toBe(true);
  expect(live.organisation.slug).toMatch(/^[a-z0-9-]+$/);
  const youSaidAddress = `/organisations/${live.organisation.slug}/you-said-we-did`;

  // The demo's strategy author publishes a report with a row of "You said, we did".
  const author = await staffApi(request, DEMO_STAFF.author.email);
  const strategy = await (await request.get('/api/strategy')).json();
  const priorityId = strategy.priorities[0]?.id;
  expect(priorityId, 'the demo has a strategy priority').toBeTruthy();
  const weDid = `Opened the youth centre on Fridays (${stamp})`;
  await publishedReport(author, {
    title: `Youth safety ${stamp}: what you told us`,
    sections: [{ id: 'said', kind: 'you-said-we-did', rows: [{ youSaid: 'Nowhere to go on Friday nights', weDid, priorityId, status: 'done' }] }]
  });

  // A young person finishes the survey with JavaScript off and finds the link.
  const respondentContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const respondent = await respondentContext.newPage();
  await respondent.goto(`/s/${questionnaire.slug}`);
  await respondent.getByRole('button', { name: /Start now/ }).click();
  await answerAllPages(respondent, live.definition);
  await respondent.getByRole('button', { name: 'Send my answers' }).click();
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('Thank you for your answers');
  const link = respondent.getByRole('link', { name: LINK });
  await expect(link).toHaveAttribute('href', youSaidAddress);
  await expect(respondent.locator('p[lang="en"]').filter({ has: link })).toHaveCount(1);
  expect(await sidewaysScroll(respondent)).toBeLessThanOrEqual(0);
  await screenshotPage(respondent, 'you-said-link-done');
  const anonymous = await browser.newPage();
  await axeAt(anonymous, respondent.url());
  await link.click();
  await expect(respondent).toHaveURL(youSaidAddress);
  await expect(respondent.getByRole('heading', { level: 1, name: 'You said, we did' })).toBeVisible();
  await expect(respondent.getByText(weDid)).toBeVisible();
  await axeAt(anonymous, youSaidAddress);

  // The demo's own youth survey does not name the list: no link on its confirmation page.
  await respondent.goto('/s/youth-safety-11-19/done');
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('Thank you for your answers');
  await expect(respondent.getByRole('link', { name: LINK })).toHaveCount(0);
  await anonymous.close();
  await respondentContext.close();
  await context.close();
});

test('a quote from an answer flagged for safeguarding is not offered, nor its words shown, until a safeguarding lead clears it; JavaScript off', async ({ browser, page: checker, request }) => {
  test.setTimeout(180_000);
  const stamp = letters();
  const survey = await publishedYouthSurvey(request, await staffApi(request, DEMO_STAFF.officer.email), `Knives ${stamp}`);
  // Ten answers about knives and ten about something else, so the theme's
  // prevalence is shown (10 or more either side of it) and every answer with
  // it is among its quotes (up to 10 a questionnaire).
  const disclosure = `Boys carry knives near the station and my stepdad hits me when he is drunk (${stamp})`;
  await answerAll(request, survey, [
    ...Array.from({ length: 9 }, () => unsafe('Boys carry knives near the station')),
    unsafe(disclosure),
    ...Array.from({ length: 10 }, () => unsafe('The dark alley behind the shops at night'))
  ]);

  const author = await staffApi(request, DEMO_STAFF.author.email);
  const created = await author('POST', '/api/reports', {
    definition: { title: `Knives ${stamp}`, covers: { questionnaireIds: [survey.id] }, sections: [{ id: 'themes', kind: 'themes', themes: [{ themeId: 'knives_weapons' }] }] }
  });
  expect(created.status(), await created.text()).toBe(201);
  const { report } = await created.json();

  // Coding and the safeguarding check run in the background, together: wait until the nine other answers are offered.
  type Choice = { responseId: string; text: string };
  const offered = async () => ((await (await request.get(`/api/reports/${report.id}/quotes?theme=knives_weapons`)).json()).quotes ?? []) as Choice[];
  await expect(async () => {
    expect((await offered()).filter((q) => q.text === 'Boys carry knives near the station')).toHaveLength(9);
  }).toPass({ timeout: 60_000, intervals: [1000] });
  expect(
    (await offered()).filter((q) => q.text.includes(stamp) || /stepdad/.test(q.text)),
    'the flagged answer is not offered'
  ).toEqual([]);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.author.email);
  const picker = `/staff/reports/${report.id}/sections/themes/themes/knives_weapons`;
  await page.goto(picker);
  await expect(page.getByRole('heading', { level: 1, name: 'Quotes for Knives & weapons' })).toBeVisible();
  const quotes = page.getByRole('group', { name: 'Quotes to show' });
  // Found by the answer's own words (its questionnaire's title, beside every quote, has the stamp too).
  const flagged = quotes.locator('.choice').filter({ has: page.locator('label', { hasText: stamp }) });
  await expect(quotes.getByRole('checkbox')).toHaveCount(9);
  await expect(flagged).toHaveCount(0);
  await expect(quotes).not.toContainText('stepdad');
  await expect(quotes).toContainText('Answers waiting for the safeguarding lead are not shown.');
  await screenshotPage(page, 'quote-picker-flagged-left-out');
  await signInAsStaff(checker, DEMO_STAFF.author.email);
  await axeAt(checker, picker);

  // The safeguarding lead clears it from its flag.
  const leadContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const lead = await leadContext.newPage();
  await signInAsStaff(lead, DEMO_STAFF.safeguarding.email);
  const item = lead.locator('.flag-list > li').filter({ hasText: stamp });
  await expect(async () => {
    await lead.goto('/staff/safeguarding');
    await expect(item).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 30_000, intervals: [1000] });
  await item.getByRole('link').first().click();
  await lead.getByLabel('Why it can be quoted (optional)').fill('Nothing identifying once redacted.');
  await lead.getByRole('button', { name: 'Clear this answer for quoting in reports' }).click();
  await expect(lead.getByRole('status')).toHaveText('Cleared: report authors can now quote this answer, redacted.');
  await leadContext.close();

  // Now the author can pick it.
  await page.goto(picker);
  await expect(flagged).toHaveCount(1);
  await expect(flagged.getByRole('checkbox')).toBeEnabled();
  await flagged.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Save theme' }).click();
  await expect(page.getByRole('status')).toHaveText('Theme saved.');
  await expect(page.getByRole('listitem').filter({ hasText: 'Choose quotes for Knives & weapons' })).toContainText('1 quote chosen');
  await axeAt(checker, picker);
  await context.close();
});
