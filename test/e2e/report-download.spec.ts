// Downloading a report as a file with JavaScript off: an analyst opens the
// download page of a report made through the API, prepares a Word file,
// follows its progress with "Check again" until it is ready, and downloads a
// real Word document named from the title; the file is listed when they come
// back. The easy-read Word file is prepared and downloaded the same way. A form sent without a format is answered with an error summary. Axe
// on every state (through a page with JavaScript on, as the other staff
// tests do), including a file still waiting to start; no sideways scrolling
// at 320 px.
import { readFileSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { expect, type Page, test } from '@playwright/test';
import { axeAt, DEMO_STAFF, expectNoAxeFindings, questionnaireIdOf, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { staffApi } from './survey-copies';

async function atWidths(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    expect(await sidewaysScroll(page), `sideways scrolling at ${width} px on ${page.url()}`).toBeLessThanOrEqual(0);
    await screenshotPage(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

/** A job stored as if its server had just taken it and not started yet: the page shows it waiting. */
async function waitingJob(reportId: string): Promise<string> {
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    const id = `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    await client.execute({
      sql: "INSERT INTO report_exports (id, organisation_id, report_id, version, format, status, total, created_at) SELECT ?, organisation_id, id, 1, 'pdf', 'queued', 4, ? FROM reports WHERE id = ?",
      args: [id, Date.now() + 10 * 60_000, reportId]
    });
    return id;
  } finally {
    client.close();
  }
}

test('an analyst prepares and downloads a Word file of a report with JavaScript off', async ({ browser, request, page: checker }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;
  const title = `Youth safety ${stamp}`;
  const send = await staffApi(request, DEMO_STAFF.analyst.email);
  const created = await send('POST', '/api/reports', { definition: { title, covers: { questionnaireIds: [await questionnaireIdOf('youth-safety-11-19')] } } });
  expect(created.status(), await created.text()).toBe(201);
  const reportId: string = (await created.json()).report.id;
  const downloadPage = `/staff/reports/${reportId}/download`;

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.analyst.email);
  await signInAsStaff(checker, DEMO_STAFF.analyst.email);

  await page.goto(downloadPage);
  await expect(page.getByRole('heading', { level: 1, name: 'Download the report' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Word (.docx)' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Version 1, the newest' })).toBeChecked();
  await axeAt(checker, downloadPage);
  await atWidths(page, 'report-download');

  // Sent without a format (only a page with JavaScript can take the choice away): an error summary linking to the choices.
  await checker.locator('input[name="format"]').evaluateAll((boxes) => {
    for (const box of boxes) (box as HTMLInputElement).checked = false;
  });
  await checker.getByRole('button', { name: 'Prepare the file' }).click();
  await expect(checker.getByRole('alert')).toContainText('There is a problem');
  await expect(checker.getByRole('link', { name: 'Choose Word, easy-read Word, PDF or web page' })).toHaveAttribute('href', '#download-format-first');
  await expectNoAxeFindings(checker);

  await page.getByRole('button', { name: 'Prepare the file' }).click();
  await expect(page).toHaveURL(/\/download\/[^/]+$/);
  const jobPage = page.url();
  for (let i = 0; i < 60 && !(await page.getByRole('heading', { level: 1, name: 'The Word file is ready' }).isVisible()); i++) {
    await expect(page.getByRole('heading', { level: 1, name: 'Preparing the Word file' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText(/(Step [1-4] of 4: .+|Waiting to start)\. About \d+ seconds? left\./);
    await page.waitForTimeout(1000);
    await page.getByRole('link', { name: 'Check again' }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: 'The Word file is ready' })).toBeVisible();
  await axeAt(checker, jobPage);
  await atWidths(page, 'report-download-ready');

  const fileName = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.docx`;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download ${fileName}` }).click()]);
  expect(download.suggestedFilename()).toBe(fileName);
  const bytes = readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);

  // Coming back later: the file is listed on the download page.
  await page.goto(downloadPage);
  await expect(page.getByRole('listitem').filter({ hasText: /^Word file of version 1/ })).toContainText('ready');

  // The easy-read version, as a Word file of its own, the same way.
  await page.getByRole('radio', { name: 'Easy read (.docx)' }).check();
  await page.getByRole('button', { name: 'Prepare the file' }).click();
  await expect(page).toHaveURL(/\/download\/[^/]+$/);
  for (let i = 0; i < 60 && !(await page.getByRole('heading', { level: 1, name: 'The easy-read Word file is ready' }).isVisible()); i++) {
    await expect(page.getByRole('heading', { level: 1, name: 'Preparing the easy-read Word file' })).toBeVisible();
    await page.waitForTimeout(1000);
    await page.getByRole('link', { name: 'Check again' }).click();
  }
  const easyName = fileName.replace(/\.docx$/, '-easy-read.docx');
  const [easy] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Download ${easyName}` }).click()]);
  expect(easy.suggestedFilename()).toBe(easyName);
  const easyBytes = readFileSync(await easy.path());
  expect(easyBytes.subarray(0, 2).toString()).toBe('PK');
  await page.goto(downloadPage);
  await expect(page.getByRole('listitem').filter({ hasText: 'Easy-read Word file of version 1' })).toContainText('ready');

  // A file still waiting to start says so, with a way to look again.
  const waiting = `${downloadPage}/${await waitingJob(reportId)}`;
  await page.goto(waiting);
  await expect(page.getByRole('heading', { level: 1, name: 'Preparing the PDF' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/Waiting to start\. About \d+ seconds left\./);
  await axeAt(checker, waiting);
  await atWidths(page, 'report-download-waiting');
  await context.close();
});
