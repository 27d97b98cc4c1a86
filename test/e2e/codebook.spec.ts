// The codebook editor: an analyst adds a theme with phrases (a bad phrase is
// refused first), sees the new version and its note, is offered re-coding,
// changes the theme, merges another into it and retires and restores it,
// each on pages that work without JavaScript and have no axe findings. A
// change made from an outdated version is refused. Officers read the
// codebook but cannot change it.
import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, definitionOf, expectNoAxeFindings, signInAsStaff } from './helpers';
import type { Question } from './survey-copies';

/** A response to the children's survey, so there is something to re-code; its title. */
async function oneResponse(page: Page): Promise<string> {
  const { versionId, definition } = await definitionOf(page, 'feeling-safe-8-11');
  const answers: Record<string, unknown> = {};
  const first = (list?: { value: string }[]) => list?.[0]?.value;
  for (const q of definition.pages.flatMap((p) => p.questions) as Question[]) {
    if (!q.required) continue;
    if (q.type === 'single') answers[q.id] = first(q.options);
    else if (q.type === 'scale') answers[q.id] = first(q.points);
    else if (q.type === 'multiple') answers[q.id] = [first(q.options)];
    else if (q.type === 'place') answers[q.id] = q.multiple ? [first(q.places)] : first(q.places);
    else if (q.type === 'grid') answers[q.id] = Object.fromEntries((q.rows ?? []).map((r) => [r.value, first(q.points)]));
    else if (q.type === 'number') answers[q.id] = q.min ?? 1;
    else if (q.type === 'consent') answers[q.id] = true;
  }
  const res = await page.request.post('/api/responses', { data: { versionId, answers, idempotencyKey: randomUUID() } });
  expect(res.status(), await res.text()).toBe(201);
  return definition.title;
}

const versionSaved = (page: Page) => page.getByRole('heading', { level: 2, name: /^Version \d+ saved$/ });
const savedVersion = async (page: Page) => Number((await versionSaved(page).textContent())?.match(/\d+/)?.[0]);

test('an analyst adds a theme with phrases and sees a new version', async ({ page }) => {
  test.setTimeout(90_000);
  const label = `Scooters ${randomUUID().slice(0, 6)}`;
  const other = `Bikes ${randomUUID().slice(0, 6)}`;
  const childrensSurvey = await oneResponse(page);
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis/codebook');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Codebook');
  await expect(page.getByRole('heading', { level: 3, name: 'Knives & weapons' })).toBeVisible();
  await expectNoAxeFindings(page);

  await page.getByRole('link', { name: 'Add a theme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a theme');
  await expectNoAxeFindings(page);

  // No label and a phrase the coder could not use: both explained, nothing saved.
  await page.getByLabel('Definition').fill('E-scooters and bikes ridden fast or on pavements.');
  await page.getByLabel('Phrases', { exact: true }).fill('scooter|scooters\nknife @2');
  await page.getByRole('button', { name: 'Add theme' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Enter a label', '“knife @2”: the weight after @ must be more than 0 and at most 1, like @0.6']);
  await expect(page.getByLabel('Phrases', { exact: true })).toHaveValue('scooter|scooters\nknife @2');
  await expectNoAxeFindings(page);
  await summary.getByRole('link', { name: /knife @2/ }).click();
  await expect(page.getByLabel('Phrases', { exact: true })).toBeFocused();

  await page.getByLabel('Label', { exact: true }).fill(label);
  await page.getByLabel('Phrases', { exact: true }).fill('scooter|scooters\nescooter*\nelectric .. bike|bikes @0.7');
  await page.getByLabel('Examples (optional)').fill('they fly past on scooters');
  await page.getByLabel('Note for the version history (optional)').fill('Residents keep mentioning them');
  await page.getByRole('button', { name: 'Add theme' }).click();

  await expect(page).toHaveURL(/\/staff\/analysis\/codebook\?saved=\d+(#.*)?$/);
  await expect(versionSaved(page)).toBeVisible();
  const version = await savedVersion(page);
  const note = `Added “${label}” — Residents keep mentioning them`;
  await expect(page.locator('.saved-panel')).toContainText(note);
  await expect(page.getByRole('heading', { level: 3, name: label })).toBeVisible();
  const history = page.locator('.version-list li').first();
  await expect(history).toContainText(`Version ${version}`);
  await expect(history).toContainText(note);
  await expect(history).toContainText('Saved by Demo Analyst');
  await expectNoAxeFindings(page);

  // Re-coding the children's survey's answers with the new version.
  await page.getByRole('button', { name: `Re-code answers to ${childrensSurvey}`, exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Re-coding has started');
  await expectNoAxeFindings(page);
  // Its progress, counted in responses (no count under the threshold), with the time left (or finished already).
  await page.getByRole('link', { name: 'follow its progress' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Re-coding answers');
  await expect(page.getByRole('main')).toContainText(/[\d,]+ of [\d,]+ responses \(\d+%\)|: fewer than \d+ responses\.|Finished: ([\d,]+|fewer than \d+) responses re-coded/);
  await expectNoAxeFindings(page);
  await page.goto('/staff/analysis/codebook');

  // Change it: a new version saying what changed.
  await page.getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(label);
  await expect(page.getByLabel('Phrases', { exact: true })).toHaveValue('scooter|scooters\nescooter*\nelectric .. bike|bikes @0.7');
  await expectNoAxeFindings(page);
  await page.getByLabel('Definition').fill('E-scooters and e-bikes ridden on pavements or used to get away.');
  await page.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(versionSaved(page)).toHaveText(`Version ${version + 1} saved`);
  await expect(page.locator('.saved-panel')).toContainText(`Changed the definition of “${label}”`);

  // A second theme, merged into the first after choosing where it goes.
  await page.getByRole('link', { name: 'Add a theme' }).click();
  await page.getByLabel('Label', { exact: true }).fill(other);
  await page.getByLabel('Definition').fill('Bikes ridden at people.');
  await page.getByLabel('Phrases', { exact: true }).fill('bike gang*');
  await page.getByRole('button', { name: 'Add theme' }).click();
  await page.getByRole('link', { name: other }).click();
  await page.getByRole('link', { name: 'Merge into another theme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Merge “${other}” into another theme`);
  await expectNoAxeFindings(page);
  await page.getByRole('button', { name: 'Merge themes' }).click();
  await expect(page.locator('.error-summary').getByRole('link')).toHaveText(['Choose the theme to merge into']);
  await expectNoAxeFindings(page);
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Merge themes' }).click();
  await expect(page.locator('.saved-panel')).toContainText(`Merged “${other}” into “${label}”`);
  await expect(page.locator('.theme-list li').filter({ hasText: other })).toContainText(`Merged into ${label}`);

  // Retire it, after confirming, and restore it.
  await page.getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('link', { name: 'Retire this theme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Retire “${label}”?`);
  await expectNoAxeFindings(page);
  await page.getByRole('button', { name: 'Yes, retire it' }).click();
  await expect(page.locator('.saved-panel')).toContainText(`Retired “${label}”`);
  await expect(page.getByRole('heading', { level: 2, name: /Retired and merged themes/ })).toBeVisible();
  await page.getByRole('link', { name: label, exact: true }).click();
  await page.getByRole('link', { name: 'Restore this theme' }).click();
  await page.getByRole('button', { name: 'Yes, restore it' }).click();
  await expect(page.locator('.saved-panel')).toContainText(`Restored “${label}”`);

  // Earlier versions stay readable as they were.
  await page.getByRole('link', { name: `Version ${version}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Codebook, version ${version}`);
  await expect(page.getByRole('heading', { level: 3, name: label })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: other })).toHaveCount(0);
  await expectNoAxeFindings(page);
});

test('a change made from a version someone else has since replaced is refused, keeping what was typed', async ({ page, context }) => {
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  const other = await context.newPage();
  await page.goto('/staff/analysis/codebook/add-theme');
  await other.goto('/staff/analysis/codebook/add-theme');
  for (const [tab, label] of [
    [page, `Dogs ${randomUUID().slice(0, 6)}`],
    [other, `Cats ${randomUUID().slice(0, 6)}`]
  ] as const) {
    await tab.getByLabel('Label', { exact: true }).fill(label);
    await tab.getByLabel('Definition').fill('Animals.');
    await tab.getByLabel('Phrases', { exact: true }).fill(label.split(' ')[0]?.toLowerCase() ?? '');
  }
  await page.getByRole('button', { name: 'Add theme' }).click();
  await expect(versionSaved(page)).toBeVisible();
  await other.getByRole('button', { name: 'Add theme' }).click();
  await expect(other.locator('.error-summary')).toContainText('Someone else saved a new version of the codebook while you were working');
  await expect(other.getByLabel('Label', { exact: true })).toHaveValue(/^Cats /);
  await expectNoAxeFindings(other);
  // Saving again now builds on the newest version.
  await other.getByRole('button', { name: 'Add theme' }).click();
  await expect(versionSaved(other)).toBeVisible();
});

test('an officer reads the codebook but cannot change it', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await page.goto('/staff/analysis/codebook');
  await expect(page.getByRole('link', { name: 'Add a theme' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Knives & weapons' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Knives & weapons');
  await expect(page.getByRole('button', { name: 'Save as a new version' })).toHaveCount(0);
  await expect(page.getByText('stab*')).toBeVisible();
  await expectNoAxeFindings(page);
  const res = await page.goto('/staff/analysis/codebook/add-theme');
  expect(res?.status()).toBe(403);
});

test.describe('on a 320px-wide screen', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('an officer reads long phrase lists without sideways scrolling, and is offered only the coding tools they may use', async ({ page }) => {
    await signInAsStaff(page, DEMO_STAFF.officer.email);
    // "black|asian|muslim|…" is one long word: it must wrap rather than widen the page (WCAG 1.4.10).
    await page.goto('/staff/analysis/codebook/discrimination');
    await expect(page.getByText(/^black\|asian\|muslim/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await page.goto('/staff/analysis');
    await expect(page.getByRole('link', { name: 'Codebook' })).toBeVisible();
    for (const tool of ['Double coding', 'Import free text']) await expect(page.getByRole('link', { name: tool })).toHaveCount(0);
    await expect(page.getByText('Analysts can import free text to make one.')).toBeVisible();
    await expectNoAxeFindings(page);
  });
});
