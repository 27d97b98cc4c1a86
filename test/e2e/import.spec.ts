// Importing free text into a collection, as an analyst at phone width with
// JavaScript off (the pages send none): upload a CSV, see its columns, choose
// what to import, land on the confirmation. Every step and every error state
// has zero axe findings. The collection is never offered to respondents.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'safer-voices-import-'));
const marker = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

function tempFile(name: string, content: string | Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const csv = tempFile(
  'local-posts.csv',
  [
    'posted,area,source,comment',
    `12/03/2024,Taunton,Facebook,"Lads on bikes race round the park at night (${marker})"`,
    '13/03/2024,Bridgwater,Nextdoor,The underpass by the station feels unsafe after dark',
    '14/03/2024,Taunton,Nextdoor,',
    '15/03/2024,Bridgwater,Facebook,More youth clubs would keep kids off the streets',
    '16/03/2024,Taunton,Facebook,Knife crime near the shops worries me'
  ].join('\n')
);
const notASpreadsheet = tempFile('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));

test('an analyst imports a CSV of posts into a collection', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import text');
  await expectNoAxeFindings(page);

  // Sent with no file: an error summary linking to the file input.
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page).toHaveTitle(/^Error: Import text/);
  await expect(page.locator('.error-summary')).toContainText('Choose a CSV or XLSX file to upload');
  await expect(page.locator('.error-summary a')).toHaveAttribute('href', '#import-file');
  await expectNoAxeFindings(page);

  // A file that is not a spreadsheet: refused, nothing kept.
  await page.locator('#import-file').setInputFiles(notASpreadsheet);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.locator('.error-summary')).toContainText('This is not a CSV or XLSX file');
  await expectNoAxeFindings(page);

  await page.locator('#import-file').setInputFiles(csv);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page).toHaveURL(/\/staff\/analysis\/import\?upload=[A-Za-z0-9_-]{32}$/);
  const previewUrl = page.url();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose what to import');
  const table = page.getByRole('table', { name: 'Columns in the file' });
  await expect(table.getByRole('rowheader')).toHaveText([/^posted/, /^area/, /^source/, /^comment/]);
  await expect(table).toContainText('The underpass by the station feels unsafe after dark');
  // First guesses: the longest values are the text, the column of dates the date.
  await expect(page.getByLabel('Column with the text')).toHaveValue('comment');
  await expect(page.getByLabel('Column with the date (optional)')).toHaveValue('posted');
  await expectNoAxeFindings(page);

  // No name: refused on the name field, the choices kept.
  await page.getByLabel('Name of the collection').fill('');
  await page.getByRole('checkbox', { name: 'area' }).check();
  await page.getByRole('button', { name: 'Import 5 rows' }).click();
  await expect(page.locator('.error-summary')).toContainText('Enter a name for the collection');
  await expect(page.locator('.error-summary a')).toHaveAttribute('href', '#import-name');
  await expect(page.getByRole('checkbox', { name: 'area' })).toBeChecked();
  await expectNoAxeFindings(page);

  // The API's refusal (too many grouping columns would be caught here too): a column with a value per row cannot group.
  await page.getByLabel('Name of the collection').fill(`Local posts ${marker}`);
  await page.getByLabel('Column with the date (optional)').selectOption('area');
  await page.getByRole('button', { name: 'Import 5 rows' }).click();
  await expect(page.locator('.error-summary')).toContainText('have no date this can read in “area”');
  await expect(page.locator('.error-summary a')).toHaveAttribute('href', '#import-date-column');
  await expectNoAxeFindings(page);

  await page.getByLabel('Column with the date (optional)').selectOption('posted');
  await page.getByRole('button', { name: 'Import 5 rows' }).click();
  await expect(page).toHaveURL(/\/staff\/analysis\/import\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Collection imported');
  await expect(page.locator('.panel-confirmation')).toContainText(`4 rows of text in “Local posts ${marker}”`);
  await expect(page.getByText('1 row with no text was skipped')).toBeVisible();
  const id = page.url().split('/').pop();
  await expect(page.getByRole('link', { name: `Explore “Local posts ${marker}”` })).toHaveAttribute('href', `/staff/analysis/${id}`);
  await expect(page.getByRole('link', { name: 'Go to analysis' })).toHaveAttribute('href', '/staff/analysis');
  await expectNoAxeFindings(page);

  // Back at the preview (a retried or repeated import): the same collection, not a second one.
  await page.goto(previewUrl);
  await expect(page).toHaveURL(new RegExp(`/staff/analysis/import/${id}$`));

  // Never offered to respondents.
  const listed = await (await page.request.get('/api/questionnaires')).json();
  expect(JSON.stringify(listed)).not.toContain(marker);
  expect((await page.request.get(`/api/questionnaires/collection-${id}`)).status()).toBe(404);
  expect((await page.goto(`/s/collection-${id}`))?.status()).toBe(404);
});

test('files over the usual 512K request limit are taken here, and only here', async ({ page }) => {
  const rows = Array.from({ length: 6000 }, (_, i) => `Post ${i}: the bus station is rough after dark and people hang around the shops ${'.'.repeat(100)}`);
  const big = tempFile('big.csv', ['comment', ...rows].join('\n'));
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await page.goto('/staff/analysis/import');
  await page.locator('#import-file').setInputFiles(big);
  await page.getByRole('button', { name: 'Upload and preview' }).click();
  await expect(page.getByRole('button', { name: 'Import 6,000 rows' })).toBeVisible();
  // Anywhere else, a body that large is refused before it is read.
  const elsewhere = await page.request.post('/staff/sign-in', { multipart: { email: 'x@example.org', password: 'x'.repeat(600 * 1024) } });
  expect(elsewhere.status()).toBe(413);
  // A browser is told in a page, an API client in the API's own error shape.
  expect(elsewhere.headers()['content-type']).toContain('text/html');
  const refusal = await elsewhere.text();
  expect(refusal).toContain('<h1>What you sent was too large</h1>');
  await page.setContent(refusal);
  await expectNoAxeFindings(page);
  const api = await page.request.post('/api/responses', { data: { answers: 'x'.repeat(600 * 1024) } });
  expect(api.status()).toBe(413);
  expect(await api.json()).toEqual({ error: 'body_too_large', message: 'The request body is larger than 512 KB' });
});

test('people who are not analysts or admins cannot import', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const res = await page.goto('/staff/analysis/import');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  await expectNoAxeFindings(page);
});
