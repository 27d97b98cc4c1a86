// A title typed as one long word (or pasted without spaces) must not widen
// the staff pages past a phone's width: each page that shows it wraps it.
import { expect, test } from '@playwright/test';
import { DEMO_STAFF, sidewaysScroll, signInAsStaff } from './helpers';

test('a report titled with one very long word wraps on every page that shows it, at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 740 });
  await signInAsStaff(page, DEMO_STAFF.author.email);
  const title = `${'Supercalifragilisticexpialidocious'.repeat(4)}${Date.now().toString(36)}`;
  await page.goto('/staff/reports');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Series of surveys it covers').selectOption({ label: 'Youth safety survey' });
  await page.getByRole('button', { name: 'Create report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const builder = page.url().replace(/\?.*$/, '');
  for (const path of ['', '/download', '/easy-read', '/publish']) {
    await page.goto(`${builder}${path}`);
    expect(await sidewaysScroll(page), `sideways scrolling on ${path || 'the report page'}`).toBeLessThanOrEqual(0);
  }
  const section = await page.goto(builder).then(() =>
    page
      .getByRole('link', { name: /^Edit section / })
      .first()
      .getAttribute('href')
  );
  await page.goto(section as string);
  expect(await sidewaysScroll(page), 'sideways scrolling on a section page').toBeLessThanOrEqual(0);
});
