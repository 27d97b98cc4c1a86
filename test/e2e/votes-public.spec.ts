// The public podcast vote with JavaScript off on a phone: listening (players
// that load nothing until pressed), voting once, the receipt and checking it,
// and every refusal as a page with an error summary. axe-core runs on each
// state in a page with JavaScript on (axeAt), which reaches it the same way.
import { randomUUID } from 'node:crypto';
import { createClient } from '@libsql/client';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { axeAt, expectNoAxeFindings, screenshotPage, sidewaysScroll } from './helpers';

/** The demo seed's open vote (apps/api/src/demo/seed-votes.ts) and the one that closed a year ago. */
const SLUG = 'stand-up-speak-out';
const CLOSED_SLUG = 'safe-on-the-way-home';
const PAGE_WEIGHT_LIMIT = 20 * 1024;
const FIRST_PODCAST = 'Speak up on the bus';

async function phones(browser: Browser) {
  const viewport = { width: 360, height: 740 };
  const page = await (await browser.newContext({ javaScriptEnabled: false, viewport })).newPage();
  const checker = await (await browser.newContext({ viewport })).newPage();
  return { page, checker };
}

async function vote(page: Page, podcast = FIRST_PODCAST) {
  await page.getByRole('radio', { name: podcast, exact: true }).check();
  await page.getByRole('button', { name: 'Cast my vote' }).click();
}

/** Bytes sent for the document and its styles and scripts, with an empty cache, before anyone presses play. */
async function pageWeight(page: Page, path: string) {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  const types = new Map<string, string>();
  const byType: Record<string, number> = {};
  session.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  session.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId) ?? 'Other';
    byType[type] = (byType[type] ?? 0) + e.encodedDataLength;
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  await session.detach();
  return byType;
}

async function database<T>(work: (db: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const db = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

const ALPHABET = 'ABCDEFGHJKMNPQRTUVWXY346789';
const randomCode = () => Array.from({ length: 8 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');

/**
 * A vote of its own for a test, copied from the demo vote with its podcasts,
 * needing voting codes, open or not as asked, with a network threshold if
 * asked (its window a day long, so a test's votes fall in one window).
 */
async function codeVote({ opensAt = Date.now() - 3_600_000, closesAt = Date.now() + 86_400_000, codeCount = 3, networkThreshold = null as number | null } = {}) {
  const slug = `test-vote-${randomUUID().slice(0, 8)}`;
  const voteId = randomUUID();
  const codes = Array.from({ length: codeCount }, randomCode);
  await database(async (db) => {
    const [demo] = (await db.execute({ sql: 'SELECT id FROM votes WHERE slug = ?', args: [SLUG] })).rows;
    const batchId = randomUUID();
    await db.batch(
      [
        {
          sql: `INSERT INTO votes (id, organisation_id, slug, title, introduction, opens_at, closes_at, require_code, browser_token, network_threshold, network_window_minutes, network_salt, published_at)
                SELECT ?, organisation_id, ?, 'Code vote for a test', introduction, ?, ?, 1, 0, ?, 1440, network_salt, ? FROM votes WHERE id = ?`,
          args: [voteId, slug, opensAt, closesAt, networkThreshold, Date.now() - 7_200_000, String(demo?.id)]
        },
        {
          sql: `INSERT INTO vote_entries (id, vote_id, position, title, group_name, first_names, transcript, audio_id, consent_confirmed_at)
                SELECT lower(hex(randomblob(16))), ?, position, title, group_name, first_names, transcript, audio_id, consent_confirmed_at FROM vote_entries WHERE vote_id = ?`,
          args: [voteId, String(demo?.id)]
        },
        { sql: "INSERT INTO vote_code_batches (id, vote_id, label) VALUES (?, ?, 'Test school')", args: [batchId, voteId] },
        ...codes.map((code) => ({ sql: 'INSERT INTO vote_codes (id, vote_id, batch_id, code) VALUES (?, ?, ?, ?)', args: [randomUUID(), voteId, batchId, code] }))
      ],
      'write'
    );
  });
  return { slug, voteId, codes: codes.map((c) => `${c.slice(0, 4)}-${c.slice(4)}`) };
}

/** The API reads a vote's row at most once a second when votes are cast: a change shows after that. */
const afterVoteCache = (page: Page) => page.waitForTimeout(1100);

test('the demo vote can be listened to, voted on once and its receipt checked, with JavaScript off on a phone', async ({ browser }) => {
  const { page, checker } = await phones(browser);

  // Page weight before anyone presses play: the document and its styles (no scripts are sent).
  const weight = await pageWeight(page, `/v/${SLUG}`);
  const sent = (weight.Document ?? 0) + (weight.Stylesheet ?? 0) + (weight.Script ?? 0);
  console.log(`Vote page weight before play: ${sent} bytes (document ${weight.Document ?? 0}, CSS ${weight.Stylesheet ?? 0}, JS ${weight.Script ?? 0}); all requests: ${JSON.stringify(weight)}`);
  expect(weight.Media ?? 0).toBe(0);
  expect(sent).toBeLessThan(PAGE_WEIGHT_LIMIT);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stand up, speak out: bystander podcasts');
  await expect(page.getByText(/Voting opened on \d{1,2} \w+ \d{4} at \d{2}:\d{2} and closes on \d{1,2} \w+ \d{4} at \d{2}:\d{2} \(UK time\)/)).toBeVisible();
  const podcasts = page.locator('section.podcast');
  await expect(podcasts).toHaveCount(3);
  for (const podcast of await podcasts.all()) {
    await expect(podcast.getByRole('heading', { level: 3 })).toBeVisible();
    const audio = podcast.locator('audio');
    await expect(audio).toHaveAttribute('controls', '');
    await expect(audio).toHaveAttribute('preload', 'none');
    await expect(audio.locator('source')).toHaveAttribute('type', 'audio/mpeg');
    const src = (await audio.locator('source').getAttribute('src')) ?? '';
    const ranged = await page.request.get(src, { headers: { range: 'bytes=0-99' } });
    expect(ranged.status()).toBe(206);
    await expect(podcast.getByRole('link', { name: /^Download “.+” \(MP3, \d+ KB, 0:0\d\)$/ })).toBeVisible();
    await expect(podcast.locator('summary')).toContainText('Read the transcript');
  }
  // The transcript is on the page, folded until opened.
  await podcasts.first().locator('summary').click();
  await expect(podcasts.first().getByText(/tell the driver/)).toBeVisible();

  // One vote per browser: an httpOnly cookie for this vote's pages only.
  const cookie = (await page.context().cookies()).find((c) => c.name === 'vote_browser');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: `/v/${SLUG}` });

  await axeAt(checker, `/v/${SLUG}`);
  await screenshotPage(page, 'vote-360');
  await page.setViewportSize({ width: 320, height: 740 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await screenshotPage(page, 'vote-320');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshotPage(page, 'vote-1280');
  await page.setViewportSize({ width: 360, height: 740 });

  // No choice made.
  await page.getByRole('button', { name: 'Cast my vote' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('Choose the podcast you want to vote for');
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#entryId');
  await expect(page.locator('#entryId')).toBeVisible();
  await expect(page.locator('#entry-error')).toContainText('Choose the podcast you want to vote for');
  await expect(page).toHaveTitle(/^Error: /);
  await axeAt(checker, `/v/${SLUG}`, (c) => c.getByRole('button', { name: 'Cast my vote' }).click());
  await screenshotPage(page, 'vote-no-choice');

  // The vote, counted, with a receipt.
  await vote(page);
  await expect(page).toHaveURL(new RegExp(`/v/${SLUG}/done\\?receipt=`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your vote has been counted');
  const receipt = (await page.locator('.receipt').textContent())?.trim() ?? '';
  expect(receipt).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
  await screenshotPage(page, 'vote-done');
  await axeAt(checker, `/v/${SLUG}`, (c) => vote(c));
  await expect(checker.getByRole('heading', { level: 1 })).toHaveText('Your vote has been counted');

  // Back and sending the same form again is the same vote: the same receipt.
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Cast my vote' })).toBeVisible();
  await vote(page);
  await expect(page.locator('.receipt')).toHaveText(receipt);

  // Checking the receipt later says counted, and nothing else.
  await page.goto(`/v/${SLUG}/receipt`);
  await page.getByLabel('Receipt code').fill(receipt.toLowerCase());
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('status')).toHaveText(`The vote with receipt code ${receipt} has been counted.`);
  await axeAt(checker, page.url());
  await screenshotPage(page, 'vote-receipt');
  await page.getByLabel('Receipt code').fill('ABCDE-FGHJK');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.error-summary')).toContainText('There is no vote with this receipt code');
  await expect(page.locator('#receipt')).toHaveAttribute('aria-invalid', 'true');
  await axeAt(checker, page.url());
  await page.getByLabel('Receipt code').fill('');
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.locator('.error-summary')).toContainText('Enter your receipt code');
  await axeAt(checker, page.url());

  // Cookies refused: the vote is not cast, and the page says why (and gives the cookie again).
  const other = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })).newPage();
  await other.goto(`/v/${SLUG}`);
  await other.context().clearCookies();
  await vote(other);
  await expect(other.locator('.error-summary')).toContainText('your browser did not send back the cookie');
  await expect(other.locator('#cast-error')).toContainText('Allow cookies for this site and try again');
  // (A checker of its own: clearing the other's cookies would let it vote again below.)
  const { checker: cookieChecker } = await phones(browser);
  await axeAt(cookieChecker, `/v/${SLUG}`, async (c) => {
    await c.context().clearCookies();
    await vote(c);
  });
  await expect(cookieChecker.locator('#cast-error')).toBeVisible();

  // The vote's page opened again from the browser that voted says so, pointing to the receipt check, with no form.
  await page.goto(`/v/${SLUG}`);
  await expect(page.locator('#already-voted')).toContainText('You have already voted from this browser.');
  await expect(page.locator('#already-voted').getByRole('link', { name: 'Check your vote with your receipt code' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cast my vote' })).toHaveCount(0);
  await screenshotPage(page, 'vote-already-voted');
  await axeAt(checker, `/v/${SLUG}`);
  await expect(checker.locator('#already-voted')).toBeVisible();
});

test('Back after voting and another podcast chosen: the first vote stands, and the page says so plainly', async ({ browser }) => {
  const { page, checker } = await phones(browser);
  await page.goto(`/v/${SLUG}`);
  // The same vote's page in another tab of the same browser, opened before voting.
  const otherTab = await page.context().newPage();
  await otherTab.goto(`/v/${SLUG}`);
  // Nothing chosen first, as a person might: the form comes back with an error, then the vote.
  await page.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(page.locator('.error-summary')).toContainText('Choose the podcast you want to vote for');
  await vote(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your vote has been counted');
  await expect(page.getByText('Your vote was not changed')).toHaveCount(0);
  const receipt = (await page.locator('.receipt').textContent())?.trim() ?? '';

  // Back, another podcast, Cast again: the same form's key, so the same vote.
  await page.goBack();
  await vote(page, 'Not just a joke online');
  await expect(page.locator('.receipt')).toHaveText(receipt);
  const notice = page.locator('#vote-not-changed');
  await expect(notice).toContainText('Your vote was not changed.');
  await expect(notice).toContainText('Your first vote stands and cannot be changed.');
  // One ballot, for the podcast first chosen.
  const stored = () =>
    database(async (db) =>
      (
        await db.execute({
          sql: 'SELECT e.title FROM vote_ballots b JOIN vote_entries e ON e.id = b.entry_id WHERE b.receipt = ?',
          args: [receipt.replace('-', '')]
        })
      ).rows.map((row) => row.title)
    );
  expect(await stored()).toEqual([FIRST_PODCAST]);

  await axeAt(checker, page.url());
  await expect(checker.locator('#vote-not-changed')).toBeVisible();
  await screenshotPage(page, 'vote-not-changed-360');
  await page.setViewportSize({ width: 320, height: 740 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await checker.setViewportSize({ width: 1280, height: 900 });
  await expectNoAxeFindings(checker);
  await screenshotPage(checker, 'vote-not-changed-1280');
  // A vote from the other tab (a form of its own) is refused, pointing to the receipt check.
  await vote(otherTab, 'Not just a joke online');
  await expect(otherTab.locator('.error-summary')).toContainText('You have already voted in this vote from this browser');
  await expect(otherTab.locator('#already-voted').getByRole('link', { name: 'Check your vote with your receipt code' })).toBeVisible();
  await expect(otherTab.getByRole('button', { name: 'Cast my vote' })).toHaveCount(0);
  expect(await stored()).toEqual([FIRST_PODCAST]);
});

test('a vote with codes: the code from the slip’s address, missing, unknown and used codes, each explained on the field', async ({ browser }) => {
  const { page, checker } = await phones(browser);
  const { slug, codes } = await codeVote();
  const [first, second] = codes as [string, string];

  await page.goto(`/v/${slug}`);
  await vote(page);
  await expect(page.locator('.error-summary')).toContainText('Enter the voting code from your slip');
  await expect(page.locator('.error-summary').getByRole('link')).toHaveAttribute('href', '#code');
  await expect(page.getByRole('radio', { name: FIRST_PODCAST, exact: true })).toBeChecked();
  await axeAt(checker, `/v/${slug}`, (c) => vote(c));

  await page.getByLabel('Voting code').fill('ABCD-EFGH');
  await page.getByRole('button', { name: 'Cast my vote' }).click();
  await expect(page.locator('.error-summary')).toContainText('That is not a voting code for this vote');
  await expect(page.locator('#code-error')).toContainText('That is not a voting code for this vote');
  await expect(page.getByLabel('Voting code')).toHaveValue('ABCD-EFGH');
  await screenshotPage(page, 'vote-code-unknown');
  await axeAt(checker, page.url(), async (c) => {
    await c.getByLabel('Voting code').fill('ABCD-EFGH');
    await vote(c);
  });

  // A QR code on the slip carries the code in the address.
  await page.goto(`/v/${slug}?code=${first}`);
  await expect(page.getByLabel('Voting code')).toHaveValue(first);
  await vote(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your vote has been counted');

  await page.goto(`/v/${slug}?code=${first}`);
  await vote(page, 'Not just a joke online');
  await expect(page.locator('.error-summary')).toContainText('This voting code has already been used');
  await expect(page.locator('#code-error')).toContainText('Each code counts once');
  await axeAt(checker, `/v/${slug}?code=${first}`, (c) => vote(c));

  // Taken down between loading the page and voting.
  await page.goto(`/v/${slug}?code=${second}`);
  await checker.goto(`/v/${slug}?code=${codes[2]}`);
  await database((db) =>
    db.execute({
      sql: "UPDATE vote_entries SET taken_down_at = ?, takedown_reason = 'Test' WHERE vote_id = (SELECT id FROM votes WHERE slug = ?) AND title = ?",
      args: [Date.now(), slug, FIRST_PODCAST]
    })
  );
  await afterVoteCache(page);
  await vote(page);
  await expect(page.locator('.error-summary')).toContainText('This podcast has been taken down');
  await expect(page.locator('section.podcast')).toHaveCount(2);
  await screenshotPage(page, 'vote-taken-down');
  await vote(checker);
  await expect(checker.locator('.error-summary')).toContainText('This podcast has been taken down');
  await expectNoAxeFindings(checker);
});

test('many votes from one network at once: the ones past the threshold are received and held for a check, in plain words', async ({ browser }) => {
  const { page, checker } = await phones(browser);
  // Every vote in these tests comes from the same address (127.0.0.1): past 5, they are held.
  const { slug, codes } = await codeVote({ codeCount: 7, networkThreshold: 5 });
  for (const code of codes.slice(0, 5)) {
    await page.goto(`/v/${slug}?code=${code}`);
    await vote(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your vote has been counted');
  }
  await page.goto(`/v/${slug}?code=${codes[5]}`);
  await vote(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your vote has been received');
  await expect(page.getByText('Many votes came from the same network at once, so your vote will be checked before it is counted.')).toBeVisible();
  const receipt = (await page.locator('.receipt').textContent())?.trim() ?? '';
  await screenshotPage(page, 'vote-held');
  await axeAt(checker, `/v/${slug}?code=${codes[6]}`, (c) => vote(c));
  await expect(checker.getByRole('heading', { level: 1 })).toHaveText('Your vote has been received');

  await page.goto(`/v/${slug}/receipt?receipt=${receipt}`);
  await expect(page.getByRole('status')).toContainText('is waiting for a check before it is counted');
  await axeAt(checker, page.url());
});

test('a vote that is not open yet, one that closes while the page is open, and a closed vote’s published results', async ({ browser }) => {
  const { page, checker } = await phones(browser);

  const later = await codeVote({ opensAt: Date.now() + 86_400_000, closesAt: Date.now() + 2 * 86_400_000 });
  await page.goto(`/v/${later.slug}`);
  await expect(page.locator('#vote-state')).toContainText('This vote is not open yet');
  await expect(page.getByRole('button', { name: 'Cast my vote' })).toHaveCount(0);
  await axeAt(checker, `/v/${later.slug}`);

  const closing = await codeVote();
  await page.goto(`/v/${closing.slug}?code=${closing.codes[0]}`);
  await database((db) => db.execute({ sql: 'UPDATE votes SET closes_at = ? WHERE id = ?', args: [Date.now() - 1000, closing.voteId] }));
  await afterVoteCache(page);
  await vote(page);
  await expect(page.locator('.error-summary')).toContainText('This vote closed on');
  await expect(page.locator('#vote-state')).toContainText('This vote has closed');
  await expect(page.getByRole('button', { name: 'Cast my vote' })).toHaveCount(0);
  await screenshotPage(page, 'vote-closed-error');
  await axeAt(checker, `/v/${closing.slug}`);

  await page.goto(`/v/${CLOSED_SLUG}`);
  await expect(page.locator('#vote-state')).toContainText('This vote has closed');
  const votesTable = page.getByRole('table', { name: 'Votes for each podcast' });
  await expect(votesTable.getByRole('row')).toHaveCount(4);
  await expect(page.getByText(/^6 votes: Cast in a burst/)).toBeVisible();
  const schools = page.getByRole('table', { name: /by school/ });
  await expect(schools.getByRole('row', { name: /Combe Hay Primary/ })).toContainText('withheld');
  await expect(page.getByText(/withheld when it rests on fewer than 10 votes/)).toBeVisible();
  await expect(page.locator('audio')).toHaveCount(3);
  await screenshotPage(page, 'vote-results-360');
  await page.setViewportSize({ width: 320, height: 740 });
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  await screenshotPage(page, 'vote-results-320');
  await axeAt(checker, `/v/${CLOSED_SLUG}`);
});

test('an unknown vote and a draft are the ordinary page not found', async ({ page }) => {
  const res = await page.goto('/v/no-such-vote');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  const draft = await codeVote();
  await database((db) => db.execute({ sql: 'UPDATE votes SET published_at = NULL WHERE id = ?', args: [draft.voteId] }));
  expect((await page.goto(`/v/${draft.slug}`))?.status()).toBe(404);
  expect((await page.goto(`/v/${draft.slug}/receipt?receipt=ABCDE-FGHJK`))?.status()).toBe(404);
});

test('odd input gets a page that says what is wrong, never an error of ours', async ({ page }) => {
  // A receipt that is really a path reaches no other route.
  await page.goto(`/v/${CLOSED_SLUG}/receipt?receipt=${encodeURIComponent('../results')}`);
  await expect(page.locator('.error-summary')).toContainText('A receipt code has only letters and numbers');
  expect((await page.goto(`/v/${CLOSED_SLUG}/done?receipt=${encodeURIComponent('../results')}`))?.status()).toBe(404);
  expect((await page.goto('/v/..%2Fresults'))?.status()).toBe(404);

  // Fields far too long, a key too short, a podcast that is not in the vote: 4xx pages with the problem on the field.
  const origin = new URL(page.url()).origin;
  const post = (form: Record<string, string>) => page.request.post(`/v/${SLUG}`, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
  const tooLong = await post({ entryId: 'x'.repeat(5000), code: 'y'.repeat(5000), idempotencyKey: 'a' });
  expect(tooLong.status()).toBe(400);
  const tooLongPage = await tooLong.text();
  expect(tooLongPage).toContain('There is a problem');
  expect(tooLongPage).toContain('<a href="#entryId">Choose a podcast to vote for</a>');
  expect(tooLongPage.length).toBeLessThan(20_000);
  const notInVote = await post({ entryId: randomUUID(), idempotencyKey: randomUUID() });
  expect(notInVote.status()).toBe(400);
  expect(await notInVote.text()).toContain('Choose one of the podcasts on the page');
  const unreadable = await page.request.post(`/v/${SLUG}`, { data: '%%%', headers: { origin, 'content-type': 'multipart/form-data; boundary=x' } });
  expect(unreadable.status()).toBe(400);
});
