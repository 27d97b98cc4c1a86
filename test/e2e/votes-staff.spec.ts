// Setting up a podcast vote in the staff console with JavaScript off: the
// demo officer creates a vote (refused first without a title), adds two
// podcasts uploading MP3s made here by the API's own demo encoder, is shown
// that publishing is blocked while one has no transcript, adds it, publishes,
// makes ten voting codes and opens their printable slips (a QR code each,
// eight to an A4 sheet, none cut short; a batch whose codes are all used says so),
// and takes a podcast down with a reason. Then, on a vote whose votes came
// from one network past its threshold, reviews the held votes (excluding them
// with a reason) and publishes the results once none wait. Axe on every page
// and error state; no sideways scrolling at 320 px.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { expect, type Page, test } from '@playwright/test';
import { axeAt, DEMO_STAFF, screenshotPage, sidewaysScroll, signInAsStaff } from './helpers';
import { staffApi } from './survey-copies';

const folder = mkdtempSync(join(tmpdir(), 'safer-voices-votes-staff-'));

/**
 * Two MP3s from the API's demo encoder (the tests do not depend on the API
 * package: it runs as a script). The second repeats its notes for two
 * minutes, about 700 KB, as big as a real podcast gets beyond what an
 * ordinary form may send.
 */
function makeMp3s(): [string, string] {
  const encoder = resolve(import.meta.dirname, '../../apps/api/src/demo/podcast-audio.ts');
  const script = join(folder, 'make-mp3.mts');
  writeFileSync(
    script,
    `import { writeFileSync } from 'node:fs';\nimport { demoPodcastMp3 } from ${JSON.stringify(encoder)};\nconst one = demoPodcastMp3(Number(process.argv[3]), 2);\nwriteFileSync(process.argv[2], Buffer.concat(Array.from({ length: Number(process.argv[4]) }, () => one)));\n`
  );
  const tsx = resolve(import.meta.dirname, '../../apps/api/node_modules/tsx/dist/cli.mjs');
  const files: [string, string] = [join(folder, 'speak-up.mp3'), join(folder, 'walk-home.mp3')];
  for (const [i, file] of files.entries()) execFileSync(process.execPath, [tsx, script, file, String(i + 11), i === 0 ? '1' : '60']);
  expect(statSync(files[1]).size).toBeGreaterThan(600 * 1024);
  return files;
}

test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** At a phone's narrowest and a desktop's width: no sideways scrolling, and a picture of each when asked. */
async function atWidths(page: Page, name: string) {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    expect(await sidewaysScroll(page), `sideways scrolling at ${width} px on ${page.url()}`).toBeLessThanOrEqual(0);
    await screenshotPage(page, `votes-staff-${name}-${width}`, { maxHeight: 4800 });
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

test('an officer sets up a podcast vote, publishes it, prints voting codes and takes a podcast down, with JavaScript off', async ({ browser, page: checker }) => {
  test.setTimeout(180_000);
  const [speakUpMp3, walkHomeMp3] = makeMp3s();
  const title = `Bystander podcasts ${Date.now().toString(36)}`;
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await signInAsStaff(checker, DEMO_STAFF.officer.email);

  // The list, from the staff navigation.
  await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Votes', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Podcast votes' })).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'list');

  // Creating: no title is refused, with the field named.
  await page.getByRole('link', { name: 'Create a vote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a vote' })).toBeVisible();
  await expect(page.getByText('For votes in school lessons, where pupils share computers or tablets', { exact: false })).toBeVisible();
  await expect(page.getByText('kept but held for review, never refused', { exact: false })).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'create');
  await page.getByRole('button', { name: 'Create vote' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('link', { name: 'Enter a title, like “Best bystander podcast 2027”' })).toHaveAttribute('href', '#title');
  await axeAt(checker, page.url(), async (c) => {
    await c.getByRole('button', { name: 'Create vote' }).click();
    await expect(c.getByRole('alert')).toContainText('There is a problem');
  });
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Introduction (optional)').fill('Listen to the podcasts pupils made about standing up to harassment, and vote for the one that would help you most.');
  await page.getByRole('checkbox', { name: 'Voting codes' }).check();
  await page.getByRole('button', { name: 'Create vote' }).click();
  await expect(page).toHaveURL(/\/staff\/votes\/[^/?]+\?done=created$/);
  await expect(page.getByRole('status')).toHaveText('Vote created as a draft. Add the podcasts next.');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const votePath = new URL(page.url()).pathname;

  // Two podcasts: the second without its transcript.
  await page.getByRole('link', { name: 'Add a podcast' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a podcast' })).toBeVisible();
  await expect(page.locator('main form')).toHaveAttribute('enctype', 'multipart/form-data');
  await expect(page.getByLabel('Audio file')).toHaveAttribute('accept', 'audio/mpeg,audio/mp4,audio/ogg,.mp3,.m4a,.ogg');
  await axeAt(checker, page.url());
  await atWidths(page, 'add-podcast');
  // Without the audio it is refused, and says so.
  await page.getByLabel('Podcast title').fill('Speak up on the bus');
  await page.getByLabel('School or group').fill('Norton Hill School');
  await page.getByRole('button', { name: 'Add podcast' }).click();
  await expect(page.getByRole('link', { name: 'Choose the podcast’s audio file (MP3, M4A or Ogg)' })).toHaveAttribute('href', '#audio');
  await expect(page.getByLabel('Podcast title')).toHaveValue('Speak up on the bus');
  await axeAt(checker, page.url(), async (c) => {
    await c.getByRole('button', { name: 'Add podcast' }).click();
    await expect(c.getByRole('alert')).toContainText('There is a problem');
  });
  // A file named .mp3 that is not audio is refused on the audio field: its type is read from its bytes.
  const fake = join(folder, 'not-audio.mp3');
  writeFileSync(fake, 'This is a text file pretending to be an MP3.\n'.repeat(40));
  await page.getByLabel('Audio file').setInputFiles(fake);
  await page.getByRole('button', { name: 'Add podcast' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.locator('.error-summary a[href="#audio"]')).toHaveCount(1);
  await expect(page.locator('#audio-error')).toBeVisible();
  await page.getByLabel('Who made it (optional)').fill('Amir, Jess and Kai');
  await page.getByLabel('Audio file').setInputFiles(speakUpMp3);
  await page.getByLabel('Transcript').fill('Amir: If you see someone being picked on, you can tell the driver.\nJess: Or sit next to them.');
  await page.getByRole('checkbox', { name: 'Parental consent is held for every child heard or named' }).check();
  await page.getByRole('button', { name: 'Add podcast' }).click();
  await expect(page.getByRole('status')).toHaveText('Podcast added.');

  await page.getByRole('link', { name: 'Add a podcast' }).click();
  await page.getByLabel('Podcast title').fill('Walk home together');
  await page.getByLabel('School or group').fill('Writhlington School');
  await page.getByLabel('Who made it (optional)').fill('Maya and Theo');
  await page.getByLabel('Audio file').setInputFiles(walkHomeMp3);
  await page.getByRole('checkbox', { name: 'Parental consent is held for every child heard or named' }).check();
  await page.getByRole('button', { name: 'Add podcast' }).click();
  await expect(page.getByRole('status')).toHaveText('Podcast added.');

  // The vote's page: each podcast with its player (the staff audio route), details and consent.
  const speakUp = page.getByRole('region', { name: 'Speak up on the bus' });
  await expect(speakUp.locator('audio[controls][preload="none"]')).toHaveAttribute('src', /\/api\/votes\/[^/]+\/entries\/[^/]+\/audio$/);
  await expect(speakUp).toContainText('Amir, Jess and Kai');
  await expect(speakUp).toContainText('Confirmed as held');
  await expect(speakUp).toContainText('If you see someone being picked on');
  const walkHome = page.getByRole('region', { name: 'Walk home together' });
  await expect(walkHome).toContainText('“Walk home together” needs a transcript, so people who cannot hear it can read it');
  const audioSrc = await speakUp.locator('audio').getAttribute('src');
  const listened = await checker.request.get(audioSrc as string, { headers: { range: 'bytes=0-99' } });
  expect(listened.status()).toBe(206);
  expect((await listened.body()).length).toBe(100);
  await axeAt(checker, page.url());
  await atWidths(page, 'draft');

  // Publishing is blocked while a transcript is missing: said on the confirmation page, and again when tried.
  await page.getByRole('link', { name: 'Publish vote' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publish this vote?' })).toBeVisible();
  await expect(page.locator('.error-summary')).toContainText('“Walk home together” needs a transcript');
  await expect(page.getByText('“Speak up on the bus”, by Norton Hill School (Amir, Jess and Kai)')).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'publish-blocked');
  await page.getByRole('button', { name: 'Publish vote' }).click();
  await expect(page.getByRole('alert')).toContainText('The vote was not published');
  await expect(page.getByRole('alert')).toContainText('“Walk home together” needs a transcript, so people who cannot hear it can read it');
  await axeAt(checker, page.url(), async (c) => {
    await c.getByRole('button', { name: 'Publish vote' }).click();
    await expect(c.getByRole('alert')).toContainText('The vote was not published');
  });

  // The transcript added; the audio uploaded before is kept.
  await page.goto(votePath);
  await page.getByRole('link', { name: 'Change “Walk home together”' }).click();
  await expect(page.getByLabel('Replace the audio file (optional)')).toBeVisible();
  await axeAt(checker, page.url());
  await page.getByLabel('Transcript').fill('Maya: Walking home in the dark, stay together.\nTheo: And text when you get in.');
  await page.getByRole('button', { name: 'Save podcast' }).click();
  await expect(page.getByRole('status')).toHaveText('Podcast saved.');
  await expect(page.getByRole('region', { name: 'Walk home together' }).locator('audio')).toHaveCount(1);

  await page.getByRole('link', { name: 'Publish vote' }).click();
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await page.getByRole('button', { name: 'Publish vote' }).click();
  await expect(page.getByRole('status')).toHaveText('Vote published.');
  // While it runs only the number cast shows, never a count for each podcast.
  await expect(page.getByText('0 votes cast so far')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Change “/ })).toHaveCount(0);
  await axeAt(checker, page.url());
  await atWidths(page, 'published');

  // Once published, how votes are checked is fixed; the title still changes.
  await page.getByRole('link', { name: 'Change the settings' }).click();
  await expect(page.getByRole('checkbox', { name: 'Voting codes' })).toBeDisabled();
  await expect(page.getByRole('checkbox', { name: 'One vote per browser' })).toBeDisabled();
  await expect(page.getByLabel('Votes before holding')).toBeDisabled();
  await axeAt(checker, page.url());
  await atWidths(page, 'settings-published');
  // Renamed to as long a title as a vote takes (120 characters), so the slips below are printed at their fullest.
  const renamed = `${title} (spring term: pupils in Years 7, 8 and 9 at Norton Hill, Somervale and Writhlington schools)`.slice(0, 120);
  await page.getByLabel('Title', { exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  // Ten voting codes, and their slips.
  await page.getByRole('link', { name: 'Voting codes: make and print them' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voting codes' })).toBeVisible();
  await axeAt(checker, page.url());
  await page.getByLabel('How many codes').fill('five');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await expect(page.getByRole('alert')).toContainText('Name the school, class or event');
  await axeAt(checker, page.url(), async (c) => {
    await c.getByRole('button', { name: 'Make codes' }).click();
    await expect(c.getByRole('alert')).toContainText('There is a problem');
  });
  await page.getByLabel('School, class or event').fill('Year 8, Norton Hill');
  await page.getByLabel('How many codes').fill('10');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await expect(page.getByRole('status')).toContainText('10 codes made for Year 8, Norton Hill.');
  const batchRow = page.getByRole('table', { name: 'Batches of codes' }).getByRole('row', { name: /Year 8, Norton Hill/ });
  await expect(batchRow).toContainText('10');
  await axeAt(checker, page.url());
  await atWidths(page, 'codes');

  await page.getByRole('link', { name: 'Print the slips', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Slips for Year 8, Norton Hill' })).toBeVisible();
  const slips = page.getByRole('list', { name: 'Slips' }).getByRole('listitem');
  await expect(slips).toHaveCount(10);
  await expect(page.getByText('Print this page (eight slips to an A4 sheet)', { exact: false })).toBeVisible();
  const first = slips.first();
  await expect(first).toContainText(title);
  const code = (await first.locator('.slip-code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(first.locator('.slip-address')).toHaveText(/\/v\/[a-z0-9-]+$/);
  const qr = first.locator('svg[role="img"]');
  await expect(qr).toHaveAttribute('aria-label', `QR code: opens the vote with the code ${code} filled in`);
  await expect(qr.locator('path')).not.toHaveCount(0);
  await axeAt(checker, page.url());
  await atWidths(page, 'slips');
  // Printed (at an A4 sheet's width): the slips alone, two to a row.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  const [left, right] = await slips.evaluateAll((items) => items.slice(0, 2).map((item) => item.getBoundingClientRect().top));
  expect(left).toBe(right);
  await screenshotPage(page, 'votes-staff-slips-print');
  // Printed to A4 as Chromium prints: eight slips on the first sheet, the last two on the next, each slip whole.
  const allCodes = await slips.locator('.slip-code').allTextContents();
  const pdf = join(folder, 'slips.pdf');
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  if (process.env.E2E_SCREENSHOTS) execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(process.env.E2E_SCREENSHOTS, 'votes-staff-slips-pdf')]);
  expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+2$/m);
  // Lines break where they fall on a slip (a long address at a hyphen, which pdftotext joins up), so text is compared without spaces or hyphens.
  const squash = (text: string) => text.replace(/[\s-]+/g, '');
  const sheets = [1, 2].map((n) => squash(execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' })));
  const address = ((await first.locator('.slip-address').textContent()) ?? '').trim();
  for (const [sheet, codes] of [
    [sheets[0] ?? '', allCodes.slice(0, 8)],
    [sheets[1] ?? '', allCodes.slice(8)]
  ] as const) {
    const count = (text: string) => sheet.split(squash(text)).length - 1;
    expect(codes.filter((c) => count(c) === 1)).toEqual(codes);
    expect(count('It works once. Nobody can see who you voted for.')).toBe(codes.length);
    expect(count(`Go to ${address} or scan the code.`)).toBe(codes.length);
    expect(count('Your voting code')).toBe(codes.length);
    expect(count(renamed)).toBe(codes.length);
  }
  await page.setViewportSize({ width: 360, height: 740 });

  // A batch whose one code has been used has no slips to print, and says so.
  await page.goto(`${votePath}/codes`);
  await page.getByLabel('School, class or event').fill('Year 9, Norton Hill');
  await page.getByLabel('How many codes').fill('1');
  await page.getByRole('button', { name: 'Make codes' }).click();
  await page.getByRole('link', { name: 'Print the slips', exact: true }).click();
  const onlyCode = ((await slips.first().locator('.slip-code').textContent()) ?? '').trim();
  const slug = address.split('/').at(-1) as string;
  const entries: { id: string; title: string }[] = (await (await page.request.get(`/api/public/votes/${slug}`)).json()).vote.entries;
  const speakUpId = entries.find((e) => e.title === 'Speak up on the bus')?.id as string;
  // Opened now (it opens tomorrow), for the code to be used in a vote.
  await openNow(votePath.split('/').at(-1) as string);
  const cast = await page.request.post(`/api/public/votes/${slug}/ballots`, { data: { entryId: speakUpId, code: onlyCode, browserToken: `slips-browser-token-${Date.now()}` } });
  expect(cast.status(), await cast.text()).toBe(201);
  await page.reload();
  await expect(page.getByText('The one code in this batch has been used, so there are no slips to print.', { exact: false })).toBeVisible();
  await expect(page.getByText('give one slip to each pupil', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Slips' })).toHaveCount(0);
  await axeAt(checker, page.url());

  // Taking a podcast down from the published vote, with a reason.
  await page.goto(votePath);
  await page.getByRole('link', { name: 'Take down “Walk home together”' }).click();
  await expect(page.getByText('It is removed from the public page at once, and every vote for it is excluded from the results')).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'take-down');
  await page.getByRole('button', { name: 'Take down podcast' }).click();
  await expect(page.getByRole('link', { name: 'Say why it is being taken down' })).toHaveAttribute('href', '#reason');
  await axeAt(checker, page.url(), async (c) => {
    await c.getByRole('button', { name: 'Take down podcast' }).click();
    await expect(c.getByRole('alert')).toContainText('There is a problem');
  });
  await page.getByLabel('Why is it being taken down?').fill('A parent withdrew consent.');
  await page.getByRole('button', { name: 'Take down podcast' }).click();
  await expect(page.getByRole('status')).toHaveText('Podcast taken down. It is no longer on the public page and its votes are excluded.');
  await expect(page.getByRole('region', { name: 'Walk home together' })).toContainText('Taken down');
  await expect(page.getByRole('region', { name: 'Walk home together' })).toContainText('A parent withdrew consent.');
  await expect(page.getByRole('link', { name: 'Take down “Walk home together”' })).toHaveCount(0);
  await axeAt(checker, page.url());

  // Review and results pages before the vote closes: nothing held, and no figures for any podcast.
  await page.getByRole('link', { name: 'Review held and refused votes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review votes' })).toBeVisible();
  await expect(page.getByText('No votes are waiting.', { exact: false })).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'review');
  await page.goto(`${votePath}/results`);
  await expect(page.getByText('Results can be seen once the vote has closed', { exact: false })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await axeAt(checker, page.url());

  await context.close();
});

/** Open a vote now, as time would (the tests read and write the database they share with the server). */
async function openNow(voteId: string) {
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    await client.execute({ sql: 'UPDATE votes SET opens_at = ? WHERE id = ?', args: [Date.now() - 1000, voteId] });
  } finally {
    client.close();
  }
}

/** Close a vote now, as time would (the tests read and write the database they share with the server). */
async function closeNow(voteId: string) {
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    await client.execute({ sql: 'UPDATE votes SET closes_at = ?, opens_at = min(opens_at, ?) WHERE id = ?', args: [Date.now() - 1000, Date.now() - 2000, voteId] });
  } finally {
    client.close();
  }
}

test('an officer reviews votes held from one network, excludes them with a reason and publishes the results, with JavaScript off', async ({ browser, request, page: checker, baseURL }) => {
  test.setTimeout(120_000);
  const [mp3] = makeMp3s();
  const audio = { name: 'podcast.mp3', mimeType: 'audio/mpeg', buffer: readFileSync(mp3) };
  const send = await staffApi(request, DEMO_STAFF.officer.email);
  const title = `Held votes ${Date.now().toString(36)}`;
  const created = await send('POST', '/api/votes', {
    title,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    requireCode: false,
    browserToken: true,
    networkThreshold: 5,
    networkWindowMinutes: 10
  });
  expect(created.status(), await created.text()).toBe(201);
  const vote: { id: string; slug: string } = (await created.json()).vote;
  const csrf = (await (await request.get('/api/auth/me')).json()).csrfToken as string;
  const entryIds: string[] = [];
  for (const name of ['Speak up on the bus', 'Walk home together']) {
    const added = await request.post(`/api/votes/${vote.id}/entries`, {
      // A form post is checked as coming from this site, as a page's would.
      headers: { 'x-csrf-token': csrf, origin: baseURL as string },
      multipart: { title: name, groupName: 'Norton Hill School', transcript: `${name}: what to do when you see it.`, consentConfirmed: 'on', audio }
    });
    expect(added.status(), await added.text()).toBe(201);
    entryIds.push((await added.json()).entry.id);
  }
  expect((await send('POST', `/api/votes/${vote.id}/publish`, {})).status()).toBe(200);
  // Eight browsers behind one address (as a school's): past five, the rest are held; one browser tries again and is refused.
  const tokens = Array.from({ length: 8 }, (_, i) => `browser-token-${Date.now()}-${i}-padding`);
  for (const token of tokens) {
    const cast = await request.post(`/api/public/votes/${vote.slug}/ballots`, { data: { entryId: entryIds[0], browserToken: token } });
    expect(cast.status(), await cast.text()).toBe(201);
  }
  const again = await request.post(`/api/public/votes/${vote.slug}/ballots`, { data: { entryId: entryIds[1], browserToken: tokens[0] } });
  expect(again.status()).not.toBe(201);
  await closeNow(vote.id);

  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await signInAsStaff(checker, DEMO_STAFF.officer.email);

  // The results cannot be published while votes wait for review.
  await page.goto(`/staff/votes/${vote.id}/results`);
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish results' })).toBeDisabled();
  await expect(page.getByText('Results cannot be published while 3 votes wait for review.')).toBeVisible();
  await axeAt(checker, page.url());

  await page.getByRole('link', { name: 'Count or exclude them' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review votes' })).toBeVisible();
  const held = page.getByRole('region', { name: '3 votes from one network address' });
  await expect(held).toContainText('past the threshold of 5 votes in 10 minutes');
  await expect(page.getByText('1 attempt from a browser that had voted already')).toBeVisible();
  await axeAt(checker, page.url());
  await atWidths(page, 'review-held');

  await held.getByRole('button', { name: /^Save decision/ }).click();
  await expect(page.getByRole('alert')).toContainText('Choose whether to count or exclude these votes');
  await expect(page.getByRole('link', { name: 'Choose whether to count or exclude these votes' })).toHaveAttribute('href', '#held-0-decision-count');
  await axeAt(checker, page.url(), async (c) => {
    await c.getByRole('button', { name: /^Save decision/ }).click();
    await expect(c.getByRole('alert')).toContainText('There is a problem');
  });
  await page.getByRole('radio', { name: 'Exclude them' }).check();
  await page.getByLabel('Why?').fill('One pupil voting again and again in a break, seen on the school’s log.');
  await page.getByRole('button', { name: /^Save decision/ }).click();
  await expect(page.getByRole('status')).toHaveText('3 votes excluded.');
  await expect(page.getByRole('table', { name: 'Decided already' })).toContainText('One pupil voting again and again');

  await page.goto(`/staff/votes/${vote.id}/results`);
  const perPodcast = page.getByRole('table', { name: 'Votes for each podcast (5 votes counted)' });
  await expect(perPodcast.getByRole('row', { name: /Speak up on the bus/ })).toContainText('5');
  await expect(page.getByRole('table', { name: 'Votes excluded, and why' })).toContainText('One pupil voting again and again');
  await axeAt(checker, page.url());
  await atWidths(page, 'results');
  await page.getByRole('button', { name: 'Publish results' }).click();
  await expect(page.getByRole('status')).toHaveText('Results published.');
  await expect(page.getByRole('button', { name: 'Publish results' })).toHaveCount(0);
  await axeAt(checker, page.url());
  await context.close();
});
