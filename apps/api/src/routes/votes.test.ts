// Podcast votes through the API: setting one up, audio by ranges, files
// that lie about their type, takedown, another organisation's staff, and
// odd input. One vote per person and results: votes-one-per-person.test.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { addEntry, cast, closeVote, createVote, publishedVote, voteBody } from '../test/votes';

let api: FreshApi;
let officer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  officer = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['officer'])).id);
});
afterAll(() => api.close());

const get = (path: string, headers: Record<string, string> = {}) => api.app.request(path, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = officer) => api.json(path, body, headers);

describe('setting up a vote', () => {
  it('refuses to publish until every podcast has audio, a transcript and confirmed consent', async () => {
    const vote = await createVote(api, officer);
    expect((await addEntry(api, officer, vote.id, { title: 'No words yet', transcript: '' })).status).toBe(201);
    expect((await addEntry(api, officer, vote.id, { title: 'No consent yet', consentConfirmed: false })).status).toBe(201);
    const refused = await api.app.request(`/api/votes/${vote.id}/publish`, { method: 'POST', headers: officer });
    expect(refused.status).toBe(409);
    const messages = ((await jsonOf(refused)).issues as { message: string }[]).map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['“No words yet” needs a transcript, so people who cannot hear it can read it', '“No consent yet”: confirm that parental consent is held']));
    // Nothing is public while it is a draft.
    expect((await get(`/api/public/votes/${vote.slug}`)).status).toBe(404);
  });

  it('publishes a vote whose podcasts are ready, and shows them to the public with their transcripts', async () => {
    const vote = await publishedVote(api, officer);
    const res = await get(`/api/public/votes/${vote.slug}`);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.vote.state).toBe('open');
    expect(body.vote.entries).toHaveLength(2);
    expect(body.vote.entries[0]).toMatchObject({ title: 'Podcast 1', groupName: 'Norton Hill School', firstNames: 'Amir, Jess and Kai', transcript: expect.stringContaining('tell the driver') });
    expect(body.vote.entries[0].audio).toMatchObject({ mediaType: 'audio/mpeg' });
    // No count of any kind while it is open.
    expect(JSON.stringify(body)).not.toMatch(/"votes"|"counted"|"ballots/);
  });

  it('refuses first names that carry surnames, numbers or e-mail addresses', async () => {
    const vote = await createVote(api, officer);
    for (const firstNames of ['jess.smith@school.org', 'Jake Thornton', 'Amir, Jess Smith and Kai', 'Amir 07700900123']) {
      const res = await addEntry(api, officer, vote.id, { firstNames });
      expect(res.status, firstNames).toBe(400);
      expect((await jsonOf(res)).issues[0]).toMatchObject({ field: 'firstNames' });
    }
    expect(await api.count(`vote_entries WHERE vote_id = '${vote.id}'`)).toBe(0);
    for (const firstNames of ['Amir, Jess and Kai', 'Mary-Ann & Zoë', 'Олег and 李明', '']) expect((await addEntry(api, officer, vote.id, { firstNames, audio: null })).status, firstNames).toBe(201);
  });

  it('refuses a vote title, podcast title, group or code batch name of invisible characters alone as empty', async () => {
    const blank = '\u200b\u2060\ufeff\u00a0';
    const votes = await api.count('votes');
    const refusedVote = await api.json('/api/votes', { ...voteBody(), title: blank }, officer);
    expect(refusedVote.status).toBe(400);
    expect((await jsonOf(refusedVote)).issues).toEqual([{ field: 'title', message: 'Enter a title, like “Best bystander podcast 2027”' }]);
    expect(await api.count('votes')).toBe(votes);
    const vote = await createVote(api, officer);
    const refusedEntry = await addEntry(api, officer, vote.id, { title: blank, groupName: '\u3164\u2800' });
    expect(refusedEntry.status).toBe(400);
    expect((await jsonOf(refusedEntry)).issues).toEqual([
      { field: 'title', message: 'Enter the podcast’s title' },
      { field: 'groupName', message: 'Enter the school or group that made it' }
    ]);
    const refusedBatch = await post(`/api/votes/${vote.id}/code-batches`, { label: blank, count: 5 });
    expect(refusedBatch.status).toBe(400);
    expect((await jsonOf(refusedBatch)).issues).toEqual([{ field: 'label', message: 'Name the school, class or event, like “Year 8, Norton Hill”' }]);
    expect(await api.count(`vote_entries WHERE vote_id = '${vote.id}'`)).toBe(0);
  });

  it('counts a title’s characters as a person does: 120 emoji fit, 121 do not', async () => {
    const tooLong = await api.json('/api/votes', { ...voteBody(), title: '😀'.repeat(121) }, officer);
    expect(tooLong.status).toBe(400);
    expect((await jsonOf(tooLong)).issues).toEqual([{ field: 'title', message: 'The title must be 120 characters or fewer' }]);
    const fits = await api.json('/api/votes', { ...voteBody(), title: '👩‍👩‍👧'.repeat(120) }, officer);
    expect(fits.status).toBe(201);
    const vote = (await jsonOf(fits)).vote;
    expect(vote.title).toBe('👩‍👩‍👧'.repeat(120));
    const entry = await addEntry(api, officer, vote.id, { title: 'a'.repeat(5000), audio: null });
    expect(entry.status).toBe(400);
    expect((await jsonOf(entry)).issues).toEqual([{ field: 'title', message: 'The title must be 120 characters or fewer' }]);
  });

  it('refuses files that lie about their type, storing nothing', async () => {
    const vote = await createVote(api, officer);
    const audioBefore = await api.count('vote_audio');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(200).fill(7)]);
    const html = new TextEncoder().encode('<!doctype html><title>not audio</title>');
    for (const bytes of [png, html]) {
      const res = await addEntry(api, officer, vote.id, { audio: bytes, audioName: 'podcast.mp3' });
      expect(res.status).toBe(415);
      expect((await jsonOf(res)).issues[0]).toMatchObject({ field: 'audio' });
    }
    expect(await api.count('vote_audio')).toBe(audioBefore);
    expect(await api.count(`vote_entries WHERE vote_id = '${vote.id}'`)).toBe(0);
  });

  it('refuses captions that are not WebVTT, naming the field', async () => {
    const vote = await createVote(api, officer);
    const res = await addEntry(api, officer, vote.id, { captions: '1\n00:00:01,000 --> 00:00:02,000\nThis is SRT' });
    expect(res.status).toBe(400);
    expect((await jsonOf(res)).issues[0]).toMatchObject({ field: 'captions' });
  });
});

describe('audio', () => {
  it('is served whole, and in ranges with 206 Partial Content as iOS Safari asks', async () => {
    const vote = await publishedVote(api, officer);
    const path = `/api/public/votes/${vote.slug}/entries/${vote.entryIds[0]}/audio`;
    const whole = await get(path);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    const bytes = new Uint8Array(await whole.arrayBuffer());
    const first = await get(path, { range: 'bytes=0-1' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-1/${bytes.length}`);
    expect([...new Uint8Array(await first.arrayBuffer())]).toEqual([...bytes.slice(0, 2)]);
    const middle = await get(path, { range: `bytes=1000-${bytes.length + 50}` });
    expect(middle.status).toBe(206);
    expect(new Uint8Array(await middle.arrayBuffer())).toEqual(bytes.slice(1000));
    const beyond = await get(path, { range: `bytes=${bytes.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });
});

describe('takedown', () => {
  it('takes a podcast off a published vote at once, and its votes out of the results with the reason', async () => {
    const vote = await publishedVote(api, officer, {}, 3);
    const victim = vote.entryIds[2] as string;
    const first = await cast(api, vote.slug, { entryId: victim });
    expect(first.status).toBe(201);
    const other = await cast(api, vote.slug, { entryId: vote.entryIds[0] as string });
    expect(other.status).toBe(201);
    const res = await post(`/api/votes/${vote.id}/entries/${victim}/takedown`, { reason: 'A pupil’s surname can be heard' });
    expect(res.status).toBe(200);
    const page = await jsonOf(await get(`/api/public/votes/${vote.slug}`));
    expect(page.vote.entries.map((e: { id: string }) => e.id)).not.toContain(victim);
    expect((await get(`/api/public/votes/${vote.slug}/entries/${victim}/audio`)).status).toBe(410);
    // Its voter's receipt says so too, as the results will.
    const receiptOf = async (res: Response) => (await jsonOf(res)).receipt as string;
    const [victimReceipt, otherReceipt] = [await receiptOf(first), await receiptOf(other)];
    expect(await jsonOf(await get(`/api/public/votes/${vote.slug}/receipts/${victimReceipt}`))).toMatchObject({ status: 'excluded', reason: 'The podcast was taken down' });
    expect(await jsonOf(await get(`/api/public/votes/${vote.slug}/receipts/${otherReceipt}`))).toMatchObject({ status: 'counted', reason: null });
    const late = await cast(api, vote.slug, { entryId: victim });
    expect(late.status).toBe(409);
    expect((await jsonOf(late)).error).toBe('entry_taken_down');
    await closeVote(api, vote.id);
    const results = (await jsonOf(await get(`/api/votes/${vote.id}/results`, officer))).results;
    expect(results.counted).toBe(1);
    expect(results.excluded).toEqual([{ reason: 'The podcast was taken down', votes: 1 }]);
  });
});

describe('another organisation', () => {
  it('finds nothing of a vote it does not reach: every staff route answers 404 and changes nothing', async () => {
    const vote = await publishedVote(api, officer, { requireCode: true });
    const elsewhere = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere VRP'), ['officer', 'admin'])).id);
    const entry = vote.entryIds[0] as string;
    const tries: [string, string, unknown?][] = [
      ['GET', `/api/votes/${vote.id}`],
      ['PUT', `/api/votes/${vote.id}`, { title: 'Taken over', opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 3_600_000).toISOString() }],
      ['POST', `/api/votes/${vote.id}/publish`],
      ['POST', `/api/votes/${vote.id}/entries/${entry}/takedown`, { reason: 'Not ours' }],
      ['GET', `/api/votes/${vote.id}/entries/${entry}/audio`],
      ['GET', `/api/votes/${vote.id}/code-batches`],
      ['POST', `/api/votes/${vote.id}/code-batches`, { label: 'Ours now', count: 5 }],
      ['GET', `/api/votes/${vote.id}/review`],
      ['POST', `/api/votes/${vote.id}/held/anything`, { decision: 'exclude', reason: 'Not ours' }],
      ['GET', `/api/votes/${vote.id}/results`],
      ['POST', `/api/votes/${vote.id}/results/publish`]
    ];
    for (const [method, path, body] of tries) {
      const res = body === undefined ? await api.app.request(path, { method, headers: elsewhere }) : await api.json(path, body, elsewhere, method);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const own = await jsonOf(await get(`/api/votes/${vote.id}`, officer));
    expect(own.vote.title).toBe('Best bystander podcast');
    expect(own.vote.codes).toBe(0);
    expect(own.vote.entries.every((e: { takenDown: boolean }) => !e.takenDown)).toBe(true);
  });
});

describe('odd input', () => {
  it('a ballot of any shape is answered 4xx, never 5xx, and stores nothing', async () => {
    const vote = await publishedVote(api, officer, { requireCode: true, browserToken: true });
    const before = await api.count('vote_ballots');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json(), fc.object(), fc.record({ entryId: fc.string(), code: fc.string(), browserToken: fc.string() })), async (body) => {
        const res = await api.app.request(`/api/public/votes/${vote.slug}/ballots`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body)
        });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 150 }
    );
    expect(await api.count('vote_ballots')).toBe(before);
  });

  it('an entry form of arbitrary Unicode is stored as typed or refused with a field, never a 5xx', async () => {
    const vote = await createVote(api, officer);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), async (title, transcript) => {
        const res = await addEntry(api, officer, vote.id, { title, transcript, audio: null });
        expect([201, 400]).toContain(res.status);
        if (res.status === 400) expect((await jsonOf(res)).issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 }
    );
  });
});
