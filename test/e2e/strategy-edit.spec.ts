// Changing and removing what officers and strategy authors entered, with
// JavaScript off: an officer changes a wave's name and questionnaires, is told
// a wave a measure of success counts from cannot go, then removes it after
// confirming (its questionnaires are kept); a strategy author renames a
// priority, changes a measure of success's target and removes it after
// confirming, then the priority. Axe on every new page; no sideways scrolling
// at 320 px. Each test makes its own series, surveys and priority, so the
// demo's strategy and series stay as the other tests expect (its series is
// named to sort after the demo's, and is left without waves).
import { expect, type Page, test } from '@playwright/test';
import { axeAt, DEMO_STAFF, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { publishedYouthSurvey, staffApi } from './survey-copies';

/** At a phone's narrowest and a desktop's width: no sideways scrolling, and a picture of each when asked. */
async function atWidths(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    expect(await sidewaysScroll(page), `sideways scrolling at ${width} px on ${page.url()}`).toBeLessThanOrEqual(0);
    await screenshotPage(page, `${name}-${width}`, { maxHeight: 6000 });
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

test.describe('changing and removing waves, priorities and measures of success', () => {
  test('an officer changes a wave’s questionnaires and removes the wave after confirming, with JavaScript off', async ({ browser, request, page: checker }) => {
    const stamp = `${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;
    const send = await staffApi(request, DEMO_STAFF.officer.email);
    const first = await publishedYouthSurvey(request, send, `Wave edit first ${stamp}`);
    const second = await publishedYouthSurvey(request, send, `Wave edit second ${stamp}`);
    const created = await send('POST', '/api/series', { name: `Zone patrol survey ${stamp}` });
    expect(created.status(), await created.text()).toBe(201);
    const seriesId: string = (await created.json()).series.id;
    const wave = await send('POST', `/api/series/${seriesId}/waves`, { label: 'Spring', fieldworkDate: '2027-04-15', questionnaireIds: [first.id] });
    expect(wave.status(), await wave.text()).toBe(201);
    const waveId: string = (await wave.json()).series.waves[0].id;

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signInAsStaff(page, DEMO_STAFF.officer.email);
    await page.goto(`/staff/measures/${seriesId}`);
    await page.getByRole('link', { name: 'Change wave Spring', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change wave Spring' })).toBeVisible();
    const boxes = page.getByRole('group', { name: 'Questionnaires asked in this wave' });
    await expect(boxes.getByRole('checkbox', { name: first.definition.title })).toBeChecked();
    await expect(boxes.getByRole('checkbox', { name: second.definition.title })).not.toBeChecked();
    await signInAsStaff(checker, DEMO_STAFF.officer.email);
    await axeAt(checker, page.url());
    await atWidths(page, 'wave-change');

    // A blank name is refused with the field named, and the choices are kept.
    await page.getByLabel('Name of the wave').fill(' ');
    await boxes.getByRole('checkbox', { name: second.definition.title }).check();
    await page.getByRole('button', { name: 'Save wave' }).click();
    await expect(page.getByRole('alert')).toContainText('There is a problem');
    await expect(page.getByRole('link', { name: 'Enter a name for the wave, like “2026”' })).toHaveAttribute('href', '#wave-label');
    await expect(boxes.getByRole('checkbox', { name: second.definition.title })).toBeChecked();
    await axeAt(checker, page.url(), async (c) => {
      await c.getByLabel('Name of the wave').fill(' ');
      await c.getByRole('button', { name: 'Save wave' }).click();
      await expect(c.getByRole('alert')).toContainText('There is a problem');
    });

    await page.getByLabel('Name of the wave').fill('Spring 2027');
    await boxes.getByRole('checkbox', { name: first.definition.title }).uncheck();
    await page.getByRole('button', { name: 'Save wave' }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/measures/${seriesId}\\?changed=Spring%202027#waves-heading$`));
    await expect(page.getByRole('status')).toHaveText('Wave Spring 2027 changed.');
    const row = page.getByRole('table', { name: `Waves of Zone patrol survey ${stamp}` }).getByRole('row', { name: /Spring 2027/ });
    await expect(row).toContainText(second.definition.title);
    await expect(row).not.toContainText(first.definition.title);
    await atWidths(page, 'series-waves');

    // While a measure of success counts from the wave, the wave cannot go; the page names the measure.
    const priority = await send('POST', '/api/strategy/priorities', { title: `Wave baseline ${stamp}` });
    const priorityId: string = (await priority.json()).id;
    const measure = await send('POST', '/api/strategy/measures', {
      priorityId,
      name: `Counted from spring ${stamp}`,
      seriesId,
      measureKey: 'safe_area_after_dark',
      baselineWaveId: waveId,
      direction: 'increase',
      targetPoints: 5,
      targetDate: '2028-06-15'
    });
    expect(measure.status(), await measure.text()).toBe(201);
    await page.goto(`/staff/measures/${seriesId}/waves/${waveId}/remove`);
    await expect(page.getByRole('heading', { level: 1, name: 'Wave Spring 2027 cannot be removed yet' })).toBeVisible();
    await expect(page.getByRole('link', { name: `Counted from spring ${stamp}` })).toBeVisible();
    await expect(page.getByRole('button', { name: /Yes, remove/ })).toHaveCount(0);
    await axeAt(checker, page.url());
    await page.request.fetch(`/api/strategy/measures/${(await measure.json()).id}`, { method: 'DELETE', headers: { 'x-csrf-token': await csrfOf(page) } });
    await page.request.fetch(`/api/strategy/priorities/${priorityId}`, { method: 'DELETE', headers: { 'x-csrf-token': await csrfOf(page) } });

    await page.goto(`/staff/measures/${seriesId}/waves/${waveId}`);
    await page.getByRole('link', { name: 'Remove wave Spring 2027' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Are you sure you want to remove wave Spring 2027?' })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: second.definition.title })).toBeVisible();
    await axeAt(checker, page.url());
    await atWidths(page, 'wave-remove');
    await page.getByRole('button', { name: 'Yes, remove wave Spring 2027' }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/measures/${seriesId}\\?removed=1#waves-heading$`));
    await expect(page.getByRole('status')).toHaveText('Wave removed. Its questionnaires and their answers are kept.');
    await expect(page.getByText('No waves yet.')).toBeVisible();
    // The questionnaire is kept, and free to join another wave.
    const again = await send('POST', `/api/series/${seriesId}/waves`, { label: 'Autumn', fieldworkDate: '2027-10-15', questionnaireIds: [second.id] });
    expect(again.status(), await again.text()).toBe(201);
    // Leave the series without waves: the designer's planning panel offers the first series with waves, which should stay the demo's.
    const autumn = (await again.json()).series.waves[0].id;
    const removed = await page.request.fetch(`/api/series/${seriesId}/waves/${autumn}`, { method: 'DELETE', headers: { 'x-csrf-token': await csrfOf(page) } });
    expect(removed.status()).toBe(200);
    await context.close();
  });

  test('a strategy author renames a priority and removes a measure of success after confirming, with JavaScript off', async ({ browser, request, page: checker }) => {
    const stamp = `${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;
    const send = await staffApi(request, DEMO_STAFF.admin.email);
    const listed = await (await request.get('/api/series')).json();
    const demo = listed.series.find((s: { name: string }) => s.name === 'Youth safety survey');
    const priority = await send('POST', '/api/strategy/priorities', { title: `Priority to rename ${stamp}` });
    expect(priority.status(), await priority.text()).toBe(201);
    const measureName = `Measure to remove ${stamp}`;
    const measure = await send('POST', '/api/strategy/measures', {
      priorityId: (await priority.json()).id,
      name: measureName,
      seriesId: demo.id,
      measureKey: 'safe_area_after_dark',
      baselineWaveId: demo.waves[0].id,
      direction: 'increase',
      targetPoints: 5,
      targetDate: '2028-06-15'
    });
    expect(measure.status(), await measure.text()).toBe(201);

    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signInAsStaff(page, DEMO_STAFF.admin.email);
    await page.goto('/staff/strategy');
    await page.getByRole('link', { name: `Change priority Priority to rename ${stamp}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change priority' })).toBeVisible();
    await signInAsStaff(checker, DEMO_STAFF.admin.email);
    await axeAt(checker, page.url());
    await atWidths(page, 'priority-change');
    await page.getByRole('textbox', { name: 'Priority', exact: true }).fill('');
    await page.getByRole('button', { name: 'Save priority' }).click();
    await expect(page.getByRole('link', { name: 'Enter the priority, like “Perception of safety”' })).toHaveAttribute('href', '#priority-title');
    await axeAt(checker, page.url(), async (c) => {
      await c.getByRole('textbox', { name: 'Priority', exact: true }).fill('');
      await c.getByRole('button', { name: 'Save priority' }).click();
      await expect(c.getByRole('alert')).toContainText('There is a problem');
    });
    const title = `Renamed priority ${stamp}`;
    await page.getByRole('textbox', { name: 'Priority', exact: true }).fill(title);
    await page.getByRole('button', { name: 'Save priority' }).click();
    await expect(page.getByRole('status')).toHaveText('Priority changed.');
    const section = page.getByRole('region', { name: title });
    await expect(section).toBeVisible();
    await expect(page.getByRole('heading', { name: `Priority to rename ${stamp}` })).toHaveCount(0);
    await axeAt(checker, page.url());
    await atWidths(page, 'strategy');

    // A priority with a measure of success cannot go yet: the page names the measure.
    await section.getByRole('link', { name: `Remove priority ${title}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `“${title}” cannot be removed yet` })).toBeVisible();
    await expect(page.getByRole('link', { name: measureName })).toBeVisible();
    await axeAt(checker, page.url());

    // Changing the measure of success: the form shows what was entered.
    await page.getByRole('link', { name: measureName }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Change measure of success' })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(measureName);
    await expect(page.getByRole('radio', { name: 'Up' })).toBeChecked();
    await axeAt(checker, page.url());
    await atWidths(page, 'measure-change');
    await page.getByLabel('Change wanted, in percentage points').fill('0');
    await page.getByRole('button', { name: 'Save measure of success' }).click();
    await expect(page.getByRole('link', { name: 'Enter the change wanted in percentage points, more than 0' })).toHaveAttribute('href', '#measure-targetPoints');
    await axeAt(checker, page.url(), async (c) => {
      await c.getByLabel('Change wanted, in percentage points').fill('0');
      await c.getByRole('button', { name: 'Save measure of success' }).click();
      await expect(c.getByRole('alert')).toContainText('There is a problem');
    });
    await page.getByLabel('Change wanted, in percentage points').fill('7.5');
    await page.getByRole('button', { name: 'Save measure of success' }).click();
    await expect(page.getByRole('status')).toHaveText('Measure of success changed.');
    const item = section.getByRole('listitem').filter({ has: page.getByRole('heading', { name: measureName }) });
    await expect(item).toContainText('Target: up 7.5 points by June 2028');

    await item.getByRole('link', { name: `Remove measure of success ${measureName}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Are you sure you want to remove the measure of success “${measureName}”?` })).toBeVisible();
    await axeAt(checker, page.url());
    await atWidths(page, 'measure-remove');
    await page.getByRole('button', { name: 'Yes, remove this measure of success' }).click();
    await expect(page.getByRole('status')).toHaveText('Measure of success removed.');
    await expect(page.getByRole('heading', { name: measureName })).toHaveCount(0);
    await expect(section.getByText('No measures of success yet.')).toBeVisible();

    await section.getByRole('link', { name: `Remove priority ${title}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Are you sure you want to remove the priority “${title}”?` })).toBeVisible();
    await axeAt(checker, page.url());
    await page.getByRole('button', { name: 'Yes, remove this priority' }).click();
    await expect(page.getByRole('status')).toHaveText('Priority removed.');
    await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
    await context.close();
  });
});

async function csrfOf(page: Page): Promise<string> {
  return (await (await page.request.get('/api/auth/me')).json()).csrfToken;
}
