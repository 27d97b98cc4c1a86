// Podcast votes for API tests: a vote with entries made through the API as an
// officer would, and votes cast as a browser would (from a network address).
import { randomUUID } from 'node:crypto';
import { demoPodcastMp3 } from '../demo/podcast-audio';
import { type FreshApi, jsonOf } from './fresh-api';

const HOUR = 3_600_000;

export interface VoteOptions {
  requireCode?: boolean;
  browserToken?: boolean;
  networkThreshold?: number | null;
  opensAt?: Date;
  closesAt?: Date;
}

export function voteBody(options: VoteOptions = {}) {
  return {
    title: 'Best bystander podcast',
    introduction: 'Listen to the podcasts and vote for the one that would help you most.',
    opensAt: (options.opensAt ?? new Date(Date.now() - HOUR)).toISOString(),
    closesAt: (options.closesAt ?? new Date(Date.now() + 24 * HOUR)).toISOString(),
    requireCode: options.requireCode ?? false,
    browserToken: options.browserToken ?? true,
    networkThreshold: options.networkThreshold === undefined ? null : options.networkThreshold
  };
}

export interface EntryFields {
  title?: string;
  groupName?: string;
  firstNames?: string;
  transcript?: string;
  consentConfirmed?: boolean;
  audio?: Uint8Array | null;
  audioName?: string;
  captions?: string;
}

export function entryForm(fields: EntryFields = {}) {
  const form = new FormData();
  form.set('title', fields.title ?? 'Speak up on the bus');
  form.set('groupName', fields.groupName ?? 'Norton Hill School');
  form.set('firstNames', fields.firstNames ?? 'Amir, Jess and Kai');
  form.set('transcript', fields.transcript ?? 'Amir: If you see someone being picked on, you can tell the driver.');
  if (fields.consentConfirmed ?? true) form.set('consentConfirmed', 'on');
  const audio = fields.audio === undefined ? demoPodcastMp3(1, 2) : fields.audio;
  if (audio) form.set('audio', new File([audio], fields.audioName ?? 'podcast.mp3'));
  if (fields.captions !== undefined) form.set('captions', fields.captions);
  return form;
}

export async function createVote(api: FreshApi, headers: Record<string, string>, options: VoteOptions = {}) {
  const res = await api.json('/api/votes', voteBody(options), headers);
  if (res.status !== 201) throw new Error(`Creating a vote failed: ${res.status} ${await res.text()}`);
  return (await jsonOf(res)).vote as { id: string; slug: string };
}

export async function addEntry(api: FreshApi, headers: Record<string, string>, voteId: string, fields: EntryFields = {}) {
  return api.app.request(`/api/votes/${voteId}/entries`, { method: 'POST', headers, body: entryForm(fields) });
}

/** A published vote with two (or `entries`) podcasts; returns its id, slug and the entries' ids. */
export async function publishedVote(api: FreshApi, headers: Record<string, string>, options: VoteOptions = {}, entries = 2) {
  const vote = await createVote(api, headers, options);
  const entryIds: string[] = [];
  for (let i = 0; i < entries; i += 1) {
    const res = await addEntry(api, headers, vote.id, { title: `Podcast ${i + 1}`, audio: demoPodcastMp3(i + 1, 2) });
    if (res.status !== 201) throw new Error(`Adding an entry failed: ${res.status} ${await res.text()}`);
    entryIds.push((await jsonOf(res)).entry.id);
  }
  const published = await api.app.request(`/api/votes/${vote.id}/publish`, { method: 'POST', headers });
  if (published.status !== 200) throw new Error(`Publishing failed: ${published.status} ${await published.text()}`);
  return { ...vote, entryIds };
}

export interface Cast {
  entryId: string;
  code?: string;
  browserToken?: string;
  idempotencyKey?: string;
}

/** A vote as a browser casts it: its own token unless told otherwise, from `address`. */
export function cast(api: FreshApi, slug: string, body: Cast, address = '198.51.100.7') {
  const payload = { browserToken: randomUUID(), ...body };
  return api.app.request(`/api/public/votes/${slug}/ballots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }, { clientAddress: address });
}

/** Close a vote now (as time would). */
export async function closeVote(api: FreshApi, voteId: string) {
  await api.database.client.execute({ sql: 'UPDATE votes SET closes_at = ?, opens_at = min(opens_at, ?) WHERE id = ?', args: [Date.now() - 1000, Date.now() - 2000, voteId] });
}
