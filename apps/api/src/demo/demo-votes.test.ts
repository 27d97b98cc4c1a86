// The demo's podcast votes, as the public sees them through the API: an open
// vote with three podcasts that can be listened to, read and voted on once
// per browser, and a vote closed a year ago whose published results withhold
// the small school's figures. Seeding again changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { demoOrganisationId } from '../test/staff';
import { cast } from '../test/votes';
import { DEMO_CLOSED_VOTE_SLUG, DEMO_VOTE_SLUG, DEMO_VOTE_TITLE, seedDemoVotes } from './seed-votes';

let api: FreshApi;
let organisationId: string;
const now = Date.now();

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  await seedDemoVotes(api.database.db, organisationId, { now });
}, 60_000);
afterAll(() => api.close());

interface PublicEntry {
  id: string;
  title: string;
  groupName: string;
  firstNames: string;
  transcript: string;
  audio: { mediaType: string; bytes: number; durationMs: number } | null;
}

const publicVote = async (slug: string) => (await jsonOf(await api.app.request(`/api/public/votes/${slug}`))).vote;

describe('the open demo vote', () => {
  it('is open at its readable address for 90 more days, one vote per browser with a network threshold', async () => {
    const vote = await publicVote(DEMO_VOTE_SLUG);
    expect(vote).toMatchObject({ title: DEMO_VOTE_TITLE, state: 'open', requireCode: false, browserToken: true, resultsPublished: false });
    expect(Date.parse(vote.opensAt)).toBe(now - 86_400_000);
    expect(Date.parse(vote.closesAt)).toBe(now + 90 * 86_400_000);
    const [row] = (await api.database.client.execute({ sql: 'SELECT network_threshold, network_window_minutes FROM votes WHERE slug = ?', args: [DEMO_VOTE_SLUG] })).rows;
    expect(row).toMatchObject({ network_threshold: 30, network_window_minutes: 10 });
  });

  it('has three podcasts by first names only, with transcripts that say how to step in safely, and real MP3 audio', async () => {
    const entries: PublicEntry[] = (await publicVote(DEMO_VOTE_SLUG)).entries;
    expect(entries).toHaveLength(3);
    expect(new Set(entries.map((e) => e.groupName)).size).toBe(3);
    for (const entry of entries) {
      expect(entry.firstNames).toMatch(/^[A-Z][a-z]+(, [A-Z][a-z]+)*( and [A-Z][a-z]+)?$/);
      expect(entry.transcript).toContain('999');
      expect(entry.transcript.split('\n\n').length).toBeGreaterThanOrEqual(3);
      expect(entry.audio?.mediaType).toBe('audio/mpeg');
      expect(entry.audio?.durationMs).toBeGreaterThanOrEqual(3500);
      expect(entry.audio?.durationMs).toBeLessThanOrEqual(6000);
      const res = await api.app.request(`/api/public/votes/${DEMO_VOTE_SLUG}/entries/${entry.id}/audio`, { headers: { range: 'bytes=0-1' } });
      expect(res.status).toBe(206);
      const head = new Uint8Array(await res.arrayBuffer());
      // An MPEG audio frame's sync bits, or an ID3 tag.
      expect(head[0] === 0xff || String.fromCharCode(head[0] ?? 0, head[1] ?? 0) === 'ID').toBe(true);
    }
    const consent = await api.database.client.execute({
      sql: 'SELECT count(*) AS n FROM vote_entries JOIN votes ON votes.id = vote_id WHERE slug = ? AND consent_confirmed_at IS NOT NULL',
      args: [DEMO_VOTE_SLUG]
    });
    expect(Number(consent.rows[0]?.n)).toBe(3);
  });

  it('takes a vote from a browser once, and keeps its results hidden', async () => {
    const [entry] = (await publicVote(DEMO_VOTE_SLUG)).entries as PublicEntry[];
    const browserToken = 'demo-browser-token-0001';
    const first = await cast(api, DEMO_VOTE_SLUG, { entryId: entry?.id ?? '', browserToken });
    expect(first.status).toBe(201);
    expect((await jsonOf(first)).status).toBe('counted');
    const again = await cast(api, DEMO_VOTE_SLUG, { entryId: entry?.id ?? '', browserToken });
    expect((await jsonOf(again)).error).toBe('already_voted');
    expect((await api.app.request(`/api/public/votes/${DEMO_VOTE_SLUG}/results`)).status).toBe(404);
  });
});

describe('the closed demo vote', () => {
  it('closed a year ago and shows its published results: about 200 votes by code, excluded votes with their reason', async () => {
    const vote = await publicVote(DEMO_CLOSED_VOTE_SLUG);
    expect(vote).toMatchObject({ state: 'closed', requireCode: true, resultsPublished: true });
    expect(now - Date.parse(vote.closesAt)).toBeGreaterThanOrEqual(364 * 86_400_000);
    const { results } = await jsonOf(await api.app.request(`/api/public/votes/${DEMO_CLOSED_VOTE_SLUG}/results`));
    expect(results.counted + results.excluded[0].votes).toBeGreaterThanOrEqual(190);
    expect(results.excluded).toEqual([{ reason: expect.stringContaining('burst'), votes: 6 }]);
    expect(results.awaitingReview).toBe(0);
    expect(results.entries.reduce((s: number, e: { votes: number }) => s + e.votes, 0)).toBe(results.counted);
  });

  it('shows votes by school only from the threshold up: the small school is withheld', async () => {
    const { results } = await jsonOf(await api.app.request(`/api/public/votes/${DEMO_CLOSED_VOTE_SLUG}/results`));
    const schools = Object.fromEntries(results.bySchool.schools.map((s: { label: string; total: number | null; votes: (number | null)[] }) => [s.label, s]));
    expect(Object.keys(schools).sort()).toEqual(['Combe Hay Primary', 'Keynsham Brook School', 'Radstock Park School']);
    expect(schools['Combe Hay Primary'].total).toBeNull();
    expect(schools['Combe Hay Primary'].votes.every((v: number | null) => v === null)).toBe(true);
    expect(schools['Radstock Park School'].total).toBeGreaterThanOrEqual(10);
    for (const school of results.bySchool.schools) for (const v of school.votes) if (v !== null) expect(v).toBeGreaterThanOrEqual(results.bySchool.threshold);
  });
});

describe('seeding again', () => {
  it('adds nothing', async () => {
    const before = await api.count('votes');
    const ballots = await api.count('vote_ballots');
    await seedDemoVotes(api.database.db, organisationId, { now: now + 1000 });
    expect(await api.count('votes')).toBe(before);
    expect(await api.count('vote_ballots')).toBe(ballots);
  });
});
