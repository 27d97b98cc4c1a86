import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';

const AFTER_DARK = 'How safe do you feel walking alone in this area after dark?';
const EVENING = 'Where do you go in the evening?';

/** A new questionnaire from a template, through the API with the page's own session. */
async function newQuestionnaire(page: Page): Promise<{ id: string; pages: number }> {
  const me = await (await page.request.get('/api/auth/me')).json();
  const res = await page.request.post('/api/designer/questionnaires', {
    headers: { 'x-csrf-token': me.csrfToken },
    data: { from: { kind: 'template', slug: 'feeling-safe-8-11' } }
  });
  expect(res.status()).toBe(201);
  const body = await res.json();
  return { id: body.questionnaire.id, pages: body.working.definition.pages.length };
}

test('an officer builds a page with a standard item and a conditional question, previews it and sees logic problems', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const { id, pages } = await newQuestionnaire(page);
  const title = `Evening safety ${Date.now()} ${Math.random().toString(36).slice(2, 6)}`;

  await page.goto(`/staff/questionnaires/${id}/edit`);
  await expectNoAxeFindings(page);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText('Saved. The logic check found no problems.')).toBeVisible();

  // The standard item goes onto a new page at the end.
  await page.getByRole('link', { name: 'Insert a standard item' }).click();
  await expect(page.getByText('Wording verified').first()).toBeVisible();
  await expect(page.getByText('Easy read, 8–11').first()).toBeVisible();
  await expectNoAxeFindings(page);
  await page.getByLabel('Where to insert it').selectOption('end');
  await page.getByRole('button', { name: 'Insert “Safe walking alone after dark”' }).click();
  await expect(page.getByRole('heading', { level: 4, name: AFTER_DARK })).toBeVisible();
  await expect(page.locator('.page-section')).toHaveCount(pages + 1);

  // A new page with a single-choice question, its options, and a condition on the inserted item.
  await page.locator('#newpage-type').selectOption('single');
  await page.locator('#newpage-label').fill(EVENING);
  await page.getByRole('button', { name: 'Add page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit question');
  await expectNoAxeFindings(page);
  await page.getByLabel('Option 1', { exact: true }).fill('Youth club');
  await page.getByLabel('Option 2', { exact: true }).fill('Park');
  await page.getByLabel('Value of option 1 (optional)').fill('');
  await page.getByLabel('Value of option 2 (optional)').fill('');
  await page.getByRole('button', { name: 'Add another option' }).click();
  await page.getByLabel('Option 3', { exact: true }).fill('Friends’ houses');

  // Rows reorder with buttons, from the keyboard.
  await page.getByRole('button', { name: 'Move down option 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Option 1', { exact: true })).toHaveValue('Park');
  await expect(page.getByLabel('Option 2', { exact: true })).toHaveValue('Youth club');

  await page.getByLabel('Show this question only if the answer to').selectOption({ label: AFTER_DARK });
  await page.getByRole('button', { name: 'Show its answers' }).click();
  await page.getByRole('checkbox', { name: 'A bit unsafe' }).check();
  await page.getByRole('checkbox', { name: 'Very unsafe' }).check();
  await page.getByLabel('Is compared as').selectOption('anyOf');
  await expectNoAxeFindings(page);
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByText('Saved. The logic check found no problems.')).toBeVisible();
  await expect(page.getByText(`Shown only if the answer to “${AFTER_DARK}” is any of “A bit unsafe”, “Very unsafe”`)).toBeVisible();
  await expectNoAxeFindings(page);

  // The preview, answered: "Very unsafe" after dark leads to the new page, at a phone's width and in a phone-sized box on a wide screen.
  await page.goto(`/staff/questionnaires/${id}/preview`);
  await page.getByRole('button', { name: /Start now/ }).click();
  const afterDark = page.getByRole('group', { name: AFTER_DARK });
  for (let guard = 0; guard < 30 && !(await afterDark.isVisible()); guard++) {
    await page.getByRole('button', { name: 'Continue' }).click();
    // A required answer (the consent) is given as a respondent would.
    if (await page.locator('.error-summary').isVisible()) {
      await page.locator('.preview-frame input[type="checkbox"], .preview-frame input[type="radio"]').first().check();
      await page.getByRole('button', { name: 'Continue' }).click();
    }
  }
  await afterDark.getByRole('radio', { name: 'Very unsafe' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('group', { name: EVENING })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Friends’ houses' })).toBeVisible();
  await expectNoAxeFindings(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  expect((await page.locator('.preview-frame').boundingBox())?.width).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: AFTER_DARK })).toBeVisible();
  await expect(afterDark.getByRole('radio', { name: 'Very unsafe' })).toBeChecked();
  await expectNoAxeFindings(page);
  await page.setViewportSize({ width: 360, height: 740 });

  // Taking away the answer the condition uses is a problem, shown in the summary and beside the question.
  await page.goto(`/staff/questionnaires/${id}/edit`);
  await page.getByRole('link', { name: `Edit question “${AFTER_DARK}”` }).click();
  await page.getByRole('button', { name: 'Remove point 3' }).click();
  await page.getByRole('button', { name: 'Save question' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('“a_bit_unsafe” is not an answer to');
  await expect(summary).toBeFocused();
  await expect(page.locator('.question-card-problem')).toContainText(EVENING);
  await expectNoAxeFindings(page);

  // A question without wording is refused with an error summary.
  await page.getByRole('link', { name: `Edit question “${EVENING}”` }).click();
  await page.getByLabel('Question', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.locator('.error-summary')).toContainText('Enter the question');
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeFindings(page);
});

test('a page moves to the position chosen, from the keyboard, and removing asks first', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const { id, pages } = await newQuestionnaire(page);
  await page.goto(`/staff/questionnaires/${id}/edit`);
  const sections = page.locator('.page-section');
  const second = (await sections.nth(1).locator('h4').first().textContent())?.replace(/^Question \d+:\s*/, '') ?? '';

  await page.getByRole('combobox', { name: 'Move page 2 to' }).selectOption({ label: 'Position 1' });
  await page.getByRole('button', { name: 'Move page 2' }).focus();
  await page.keyboard.press('Enter');
  await expect(sections.first().locator('h4').first()).toContainText(second);
  await expect(page).toHaveURL(/#page-/);

  await page.getByRole('link', { name: `Remove page ${pages} and its questions` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Remove this page?');
  await expectNoAxeFindings(page);
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(page.locator('.page-section')).toHaveCount(pages - 1);
});
