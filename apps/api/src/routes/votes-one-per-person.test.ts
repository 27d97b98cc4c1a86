// Podcast votes through the API: each layer of "one vote per person", the
// network threshold over any span of its window, votes arriving together,
// and results reachable by nobody until an officer publishes them.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { startNetworkSweeper } from '../votes/network-sweep';
import { cast, closeVote, publishedVote, voteBody } from '../test/votes';

let api: FreshApi;
let officer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  officer = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['officer'])).id);
});
afterAll(() => api.close());

const get = (path: string, headers: Record<string, string> = {}) => api.app.request(path, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = officer) => api.json(path, body, headers);

describe('one vote per person', () => {
  it('per browser: a second vote from the same browser is refused; the same submission twice is one vote', async () => {
    const vote = await publishedVote(api, officer);
    const browserToken = 'browser-token-aaaaaaaaaaaaaaaa';
    const first = await cast(api, vote.slug, { entryId: vote.entryIds[0] as string, browserToken, idempotencyKey: 'submit-1-aaaa' });
    expect(first.status).toBe(201);
    const receipt = (await jsonOf(first)).receipt;
    expect(receipt).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const again = await cast(api, vote.slug, { entryId: vote.entryIds[0] as string, browserToken, idempotencyKey: 'submit-1-aaaa' });
    expect(again.status).toBe(200);
    expect((await jsonOf(again)).receipt).toBe(receipt);
    const second = await cast(api, vote.slug, { entryId: vote.entryIds[1] as string, browserToken, idempotencyKey: 'submit-2-aaaa' });
    expect(second.status).toBe(409);
    expect((await jsonOf(second)).error).toBe('already_voted');
    const noCookie = await api.app.request(`/api/public/votes/${vote.slug}/ballots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entryId: vote.entryIds[0] })
    });
    expect(noCookie.status).toBe(400);
    expect((await jsonOf(noCookie)).error).toBe('browser_token_missing');
    expect(await api.count(`vote_ballots WHERE vote_id = '${vote.id}'`)).toBe(1);
    // The refused second vote is there for the officer's review; the replay is not a refusal.
    expect((await jsonOf(await get(`/api/votes/${vote.id}/review`, officer))).review.refused).toEqual({ codeUsed: 0, browserVoted: 1 });
  });

  it('by voting code: each code counts once, typed in any case, with or without its dash', async () => {
    const vote = await publishedVote(api, officer, { requireCode: true, browserToken: false });
    const made = await post(`/api/votes/${vote.id}/code-batches`, { label: 'Year 8, Norton Hill', count: 3 });
    expect(made.status).toBe(201);
    const codes = ((await jsonOf(made)).batch.codes as { code: string }[]).map((c) => c.code);
    expect(codes).toHaveLength(3);
    expect(codes[0]).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const typed = (codes[0] as string).toLowerCase().replace('-', ' ');
    expect((await cast(api, vote.slug, { entryId: vote.entryIds[0] as string, code: typed })).status).toBe(201);
    const reused = await cast(api, vote.slug, { entryId: vote.entryIds[1] as string, code: codes[0] });
    expect(reused.status).toBe(409);
    expect((await jsonOf(reused)).error).toBe('code_used');
    const unknown = await cast(api, vote.slug, { entryId: vote.entryIds[1] as string, code: 'AAAA-AAAA' });
    expect(unknown.status).toBe(400);
    expect((await jsonOf(unknown)).issues[0].field).toBe('code');
    expect((await cast(api, vote.slug, { entryId: vote.entryIds[1] as string })).status).toBe(400);
    // Two pupils on one school tablet: codes, not the browser, decide.
    expect((await cast(api, vote.slug, { entryId: vote.entryIds[1] as string, code: codes[1], browserToken: 'shared-tablet-token-aaaa' })).status).toBe(201);
    expect((await cast(api, vote.slug, { entryId: vote.entryIds[1] as string, code: codes[2], browserToken: 'shared-tablet-token-aaaa' })).status).toBe(201);
    const batches = await jsonOf(await get(`/api/votes/${vote.id}/code-batches`, officer));
    expect(batches.batches[0].used).toBe(3);
    expect((await jsonOf(await get(`/api/votes/${vote.id}/review`, officer))).review.refused).toEqual({ codeUsed: 1, browserVoted: 0 });
  });

  it('the same submission twice is one vote under every layer: a code, a code and a browser, a browser', async () => {
    const layers = [
      { requireCode: true, browserToken: false },
      { requireCode: true, browserToken: true },
      { browserToken: true, networkThreshold: 30 }
    ];
    for (const layer of layers) {
      const vote = await publishedVote(api, officer, layer);
      const [code, other] = layer.requireCode
        ? ((await jsonOf(await post(`/api/votes/${vote.id}/code-batches`, { label: 'Year 9', count: 2 }))).batch.codes as { code: string }[]).map((c) => c.code)
        : [undefined, undefined];
      const browserToken = layer.browserToken ? `layer-token-${vote.id}` : undefined;
      const submission = { entryId: vote.entryIds[0] as string, code, browserToken, idempotencyKey: `layer-key-${vote.id}` };
      const first = await cast(api, vote.slug, submission);
      expect(first.status, JSON.stringify(layer)).toBe(201);
      const again = await cast(api, vote.slug, submission);
      expect(again.status, JSON.stringify(layer)).toBe(200);
      expect((await jsonOf(again)).receipt).toBe((await jsonOf(first)).receipt);
      // Another submission (a new form) from the same code or browser is refused, not replayed.
      if (code) {
        const reused = await cast(api, vote.slug, { ...submission, browserToken: browserToken && `${browserToken}-2`, idempotencyKey: 'another-form' });
        expect((await jsonOf(reused)).error).toBe('code_used');
      }
      if (browserToken) {
        const sameBrowser = await cast(api, vote.slug, { ...submission, code: other, idempotencyKey: 'another-form-2' });
        expect((await jsonOf(sameBrowser)).error).toBe('already_voted');
      }
      expect(await api.count(`vote_ballots WHERE vote_id = '${vote.id}'`)).toBe(1);
      const refused = (await jsonOf(await get(`/api/votes/${vote.id}/review`, officer))).review.refused;
      expect(refused.codeUsed + refused.browserVoted, JSON.stringify(layer)).toBe((code ? 1 : 0) + (browserToken ? 1 : 0));
    }
  });

  it('the same submission again naming another podcast (Back, another choice) keeps the first vote and says it was not changed', async () => {
    const layers = [{ requireCode: true, browserToken: false }, { requireCode: true, browserToken: true }, { browserToken: true }];
    for (const layer of layers) {
      const vote = await publishedVote(api, officer, layer);
      const [code] = layer.requireCode
        ? ((await jsonOf(await post(`/api/votes/${vote.id}/code-batches`, { label: 'Year 7', count: 1 }))).batch.codes as { code: string }[]).map((c) => c.code)
        : [undefined];
      const browserToken = layer.browserToken ? `changed-token-${vote.id}` : undefined;
      const submission = { entryId: vote.entryIds[0] as string, code, browserToken, idempotencyKey: `changed-key-${vote.id}` };
      const first = await jsonOf(await cast(api, vote.slug, submission));
      expect(first.changed, JSON.stringify(layer)).toBe(false);
      const same = await cast(api, vote.slug, submission);
      expect(same.status).toBe(200);
      expect(await jsonOf(same)).toMatchObject({ receipt: first.receipt, replayed: true, changed: false });
      const other = await cast(api, vote.slug, { ...submission, entryId: vote.entryIds[1] as string });
      expect(other.status, JSON.stringify(layer)).toBe(200);
      expect(await jsonOf(other)).toMatchObject({ receipt: first.receipt, replayed: true, changed: true });
      // One ballot, still for the first podcast.
      expect(await api.count(`vote_ballots WHERE vote_id = '${vote.id}'`)).toBe(1);
      expect(await api.count(`vote_ballots WHERE vote_id = '${vote.id}' AND entry_id = '${vote.entryIds[0]}'`)).toBe(1);
    }
  });

  it('the vote page can ask whether its browser has voted: yes once it has, for that vote only; any token of any Unicode is answered, never a 5xx', async () => {
    const vote = await publishedVote(api, officer);
    const other = await publishedVote(api, officer);
    const browserToken = `asking-token-${vote.id}`;
    const voted = async (slug: string, body: unknown) =>
      api.app.request(`/api/public/votes/${slug}/browser-voted`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(await jsonOf(await voted(vote.slug, { browserToken }))).toEqual({ voted: false });
    expect((await cast(api, vote.slug, { entryId: vote.entryIds[0] as string, browserToken, idempotencyKey: 'asking-key-1' })).status).toBe(201);
    expect(await jsonOf(await voted(vote.slug, { browserToken }))).toEqual({ voted: true });
    expect(await jsonOf(await voted(other.slug, { browserToken }))).toEqual({ voted: false });
    expect(await jsonOf(await voted(vote.slug, { browserToken: `${browserToken}-another` }))).toEqual({ voted: false });
    expect((await voted('no-such-vote', { browserToken })).status).toBe(404);
    // A vote that does not count browsers never says so.
    const codes = await publishedVote(api, officer, { requireCode: true, browserToken: false });
    expect(await jsonOf(await voted(codes.slug, { browserToken }))).toEqual({ voted: false });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 220 }), async (token) => {
        const res = await voted(vote.slug, { browserToken: token });
        // A token this browser never had: not voted, or refused on the field when its length is not a token's.
        if (res.status === 200) expect(await jsonOf(res)).toEqual({ voted: false });
        else {
          expect(res.status).toBe(400);
          expect((await jsonOf(res)).issues[0].field).toBe('browserToken');
        }
      }),
      { numRuns: 100 }
    );
    expect((await voted(vote.slug, {})).status).toBe(400);
    expect((await voted(vote.slug, { browserToken: 'too-short' })).status).toBe(400);
  });

  it('by network: many votes from one address are held, not refused, and count once an officer accepts them', async () => {
    const vote = await publishedVote(api, officer, { networkThreshold: 5 });
    const school = '203.0.113.9';
    const statuses: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const res = await cast(api, vote.slug, { entryId: vote.entryIds[i % 2] as string }, school);
      expect(res.status).toBe(201);
      statuses.push((await jsonOf(res)).status);
    }
    expect(statuses).toEqual(['counted', 'counted', 'counted', 'counted', 'counted', 'held', 'held', 'held']);
    expect((await jsonOf(await cast(api, vote.slug, { entryId: vote.entryIds[0] as string }, '198.51.100.20'))).status).toBe('counted');
    // The address itself is never stored.
    const stored = await api.database.client.execute(`SELECT * FROM vote_network_windows WHERE vote_id = '${vote.id}'`);
    expect(JSON.stringify(stored.rows)).not.toContain(school);

    const review = (await jsonOf(await get(`/api/votes/${vote.id}/review`, officer))).review;
    expect(review.held).toHaveLength(1);

    // Once its window has passed, even with nobody voting, the hash is gone; the held group stays.
    await api.database.client.execute({ sql: 'UPDATE vote_network_windows SET window_start = window_start - ? WHERE vote_id = ?', args: [12 * 60_000, vote.id] });
    const sweeper = startNetworkSweeper(api.database);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sweeper.stop();
    expect(await api.count(`vote_network_windows WHERE vote_id = '${vote.id}'`)).toBe(0);
    expect((await jsonOf(await get(`/api/votes/${vote.id}/review`, officer))).review.held[0].votes).toBe(3);
    expect(review.held[0].votes).toBe(3);

    await closeVote(api, vote.id);
    const early = await api.app.request(`/api/votes/${vote.id}/results/publish`, { method: 'POST', headers: officer });
    expect(early.status).toBe(409);
    expect((await jsonOf(early)).message).toBe('3 held votes are waiting for review: count or exclude them first');

    const decided = await post(`/api/votes/${vote.id}/held/${review.held[0].group}`, { decision: 'count', reason: 'One school voting in a lesson' });
    expect(decided.status).toBe(200);
    expect((await jsonOf(decided)).decided).toBe(3);
    expect((await api.app.request(`/api/votes/${vote.id}/results/publish`, { method: 'POST', headers: officer })).status).toBe(200);
    const results = (await jsonOf(await get(`/api/public/votes/${vote.slug}/results`))).results;
    expect(results.counted).toBe(9);
    expect(results.entries.map((e: { votes: number }) => e.votes)).toEqual([5, 4]);
    // Closed stays closed: moving the closing time into the future would turn published results into running totals.
    const reopen = await api.json(`/api/votes/${vote.id}`, { ...voteBody({ networkThreshold: 5 }), closesAt: new Date(Date.now() + 3_600_000).toISOString() }, officer, 'PUT');
    expect(reopen.status).toBe(409);
    expect((await jsonOf(reopen)).issues[0].field).toBe('closesAt');
    expect((await jsonOf(await get(`/api/public/votes/${vote.slug}`))).vote.state).toBe('closed');
  });
});

describe('the network threshold', () => {
  it('counts any span of the window, not windows that start on the clock', async () => {
    const vote = await publishedVote(api, officer, { networkThreshold: 5 });
    const school = '203.0.113.77';
    const statusOf = async () => (await jsonOf(await cast(api, vote.slug, { entryId: vote.entryIds[0] as string }, school))).status;
    for (let i = 0; i < 3; i += 1) expect(await statusOf()).toBe('counted');
    // Those three were six minutes ago: still within the last ten minutes.
    await api.database.client.execute({ sql: 'UPDATE vote_network_windows SET window_start = window_start - ? WHERE vote_id = ?', args: [6 * 60_000, vote.id] });
    expect([await statusOf(), await statusOf(), await statusOf()]).toEqual(['counted', 'counted', 'held']);
    // Once they are more than the window ago they no longer count.
    await api.database.client.execute({ sql: 'UPDATE vote_network_windows SET window_start = window_start - ? WHERE vote_id = ?', args: [30 * 60_000, vote.id] });
    expect(await statusOf()).toBe('counted');
  });
});

describe('votes arriving together', () => {
  it('are written in one batch with the same rules: the network threshold counts the batch, one group holds them, a browser counts once', async () => {
    const vote = await publishedVote(api, officer, { networkThreshold: 5 });
    const school = '203.0.113.88';
    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => cast(api, vote.slug, { entryId: vote.entryIds[i % 2] as string }, school)));
    const statuses = await Promise.all(many.map(async (res) => (await jsonOf(res)).status));
    expect(statuses.filter((s) => s === 'counted')).toHaveLength(5);
    expect(statuses.filter((s) => s === 'held')).toHaveLength(3);
    const review = (await jsonOf(await get(`/api/votes/${vote.id}/review`, officer))).review;
    expect(review.held).toEqual([expect.objectContaining({ votes: 3 })]);
    // One browser twice at once, and one submission sent twice at once.
    const browserToken = 'together-token-aaaaaaaaaaaa';
    const twice = await Promise.all([cast(api, vote.slug, { entryId: vote.entryIds[0] as string, browserToken }), cast(api, vote.slug, { entryId: vote.entryIds[1] as string, browserToken })]);
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409]);
    const same = { entryId: vote.entryIds[0] as string, browserToken: 'together-token-bbbbbbbbbbbb', idempotencyKey: 'together-key-1' };
    const resent = await Promise.all([cast(api, vote.slug, same), cast(api, vote.slug, same)]);
    expect(resent.map((r) => r.status).sort()).toEqual([200, 201]);
    const [a, b] = await Promise.all(resent.map((r) => jsonOf(r)));
    expect(a.receipt).toBe(b.receipt);
    expect(await api.count(`vote_ballots WHERE vote_id = '${vote.id}'`)).toBe(10);
  });
});

describe('results', () => {
  it('are reachable by nobody until the vote has closed and an officer publishes them', async () => {
    const vote = await publishedVote(api, officer, { networkThreshold: 5 });
    const castRes = await cast(api, vote.slug, { entryId: vote.entryIds[0] as string });
    const { receipt } = await jsonOf(castRes);
    for (const path of [`/api/public/votes/${vote.slug}`, `/api/public/votes/${vote.slug}/receipts/${receipt}`, `/api/public/votes/${vote.slug}/results`]) {
      const text = await (await get(path)).text();
      expect(text, path).not.toMatch(/"votes"|"counted":\s*\d|"entries":\s*\[\s*\{[^}]*"votes"/);
    }
    expect((await get(`/api/public/votes/${vote.slug}/results`)).status).toBe(404);
    // Staff see only how many were cast while it is open.
    const detail = (await jsonOf(await get(`/api/votes/${vote.id}`, officer))).vote;
    expect(detail.ballotsCast).toBe(1);
    expect(JSON.stringify(detail.entries)).not.toContain('"votes"');
    expect((await get(`/api/votes/${vote.id}/results`, officer)).status).toBe(409);
    // Closed but not published: still nothing public.
    await closeVote(api, vote.id);
    expect((await get(`/api/public/votes/${vote.slug}/results`)).status).toBe(404);
    expect((await get(`/api/votes/${vote.id}/results`, officer)).status).toBe(200);
  });

  it('a receipt says the vote was counted, and nothing about the voter or the podcast', async () => {
    const vote = await publishedVote(api, officer);
    const { receipt } = await jsonOf(await cast(api, vote.slug, { entryId: vote.entryIds[1] as string }));
    const res = await get(`/api/public/votes/${vote.slug}/receipts/${receipt.toLowerCase()}`);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body).toEqual({ receipt, status: 'counted', castOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), reason: null });
    expect(JSON.stringify(body)).not.toContain(vote.entryIds[1]);
    expect((await get(`/api/public/votes/${vote.slug}/receipts/ZZZZZ-ZZZZZ`)).status).toBe(404);
  });

  it("show no school figure that the podcasts' public totals would give away: with one school, its row is those totals", async () => {
    const vote = await publishedVote(api, officer, { requireCode: true, browserToken: false });
    const codes = ((await jsonOf(await post(`/api/votes/${vote.id}/code-batches`, { label: 'Norton Vale Y9', count: 3 }))).batch.codes as { code: string }[]).map((c) => c.code);
    expect((await cast(api, vote.slug, { entryId: vote.entryIds[1] as string, code: codes[0] })).status).toBe(201);
    await closeVote(api, vote.id);
    expect((await api.app.request(`/api/votes/${vote.id}/results/publish`, { method: 'POST', headers: officer })).status).toBe(200);
    const { results } = await jsonOf(await get(`/api/public/votes/${vote.slug}/results`));
    expect(results.entries.map((e: { votes: number }) => e.votes)).toEqual([0, 1]);
    expect(results.bySchool.schools).toEqual([]);
    expect(results.bySchool.notShown).toBe(true);
    expect(JSON.stringify(results)).not.toContain('Norton Vale');
  });

  it('show votes by school only from the suppression threshold up, so no hidden count can be worked out from the totals', async () => {
    const vote = await publishedVote(api, officer, { requireCode: true, browserToken: false });
    const batch = async (label: string, count: number) => ((await jsonOf(await post(`/api/votes/${vote.id}/code-batches`, { label, count }))).batch.codes as { code: string }[]).map((c) => c.code);
    const voteWith = async (codes: string[], firstEntryVotes: number) => {
      for (const [i, code] of codes.entries()) expect((await cast(api, vote.slug, { entryId: vote.entryIds[i < firstEntryVotes ? 0 : 1] as string, code })).status).toBe(201);
    };
    await voteWith(await batch('Norton Hill', 24), 12);
    await voteWith(await batch('Writhlington', 22), 11);
    await voteWith(await batch('St Mary’s', 3), 3);
    await closeVote(api, vote.id);
    expect((await api.app.request(`/api/votes/${vote.id}/results/publish`, { method: 'POST', headers: officer })).status).toBe(200);
    const { results } = await jsonOf(await get(`/api/public/votes/${vote.slug}/results`));
    expect(results.entries.map((e: { votes: number }) => e.votes)).toEqual([26, 23]);
    const schools = results.bySchool.schools as { label: string; votes: (number | null)[]; total: number | null }[];
    const truth: Record<string, number[]> = { 'Norton Hill': [12, 12], Writhlington: [11, 11], 'St Mary’s': [3, 0] };
    const small = schools.find((s) => s.label === 'St Mary’s');
    expect(small?.votes).toEqual([null, null]);
    expect(small?.total).toBeNull();
    for (const school of schools) {
      for (const [i, n] of school.votes.entries()) if (n !== null) expect(n).toBe(truth[school.label]?.[i]);
    }
    // Each podcast's total is public: a column with one hidden cell would give it away.
    for (const column of [0, 1]) expect(schools.filter((s) => s.votes[column] === null).length).not.toBe(1);
  });
});
