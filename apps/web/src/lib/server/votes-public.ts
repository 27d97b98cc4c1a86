// What the public podcast vote pages read and send, without signing in: a
// published vote by its address, its results once published, a receipt's
// status, and casting a vote. A vote is cast through the API in-process with
// the voter's network address, so the vote's soft network threshold counts
// it (the address itself is only ever hashed there).
import { randomBytes } from 'node:crypto';
import type { AppType } from '@safer-voices/api';
import { type FieldError, normaliseVotingCode } from '@safer-voices/survey';
import { type Cookies, error, type RequestEvent } from '@sveltejs/kit';
import { hc } from 'hono/client';
import { type ApiFailure, api, client, failureOf } from './api.ts';
import { isPublicAddress } from './public-address.ts';

const NOT_FOUND = 'There is no vote at this address. Check the address on your slip or poster.';

/** What a receipt code can be, checked before it goes into the API's path (as addresses are, see public-address.ts). */
const RECEIPT = /^[A-Z0-9]{1,40}$/;

/** A published vote as the public sees it; a draft or an unknown address is the app's 404 page. */
export async function publishedVote(slug: string) {
  if (!isPublicAddress(slug)) error(404, { message: NOT_FOUND });
  const res = await client.api.public.votes[':slug'].$get({ param: { slug } });
  if (res.status === 404 || res.status === 400) error(404, { message: NOT_FOUND });
  if (!res.ok) throw new Error(`Reading the vote failed: ${res.status}`);
  return (await res.json()).vote;
}

export type PublicVote = Awaited<ReturnType<typeof publishedVote>>;
export type PublicEntry = PublicVote['entries'][number];

/** The published results, or null while they are not. */
export async function publishedResults(slug: string) {
  const res = await client.api.public.votes[':slug'].results.$get({ param: { slug } });
  if (!res.ok) return null;
  return (await res.json()).results;
}

export type PublicResults = NonNullable<Awaited<ReturnType<typeof publishedResults>>>;

export type ReceiptCheck = { found: true; receipt: string; status: 'counted' | 'held' | 'excluded'; reason: string | null } | { found: false; errors: FieldError[] };

export async function checkReceipt(slug: string, typed: string): Promise<ReceiptCheck> {
  const receipt = normaliseVotingCode(typed);
  if (!RECEIPT.test(receipt)) return { found: false, errors: [{ field: 'receipt', message: 'A receipt code has only letters and numbers, like ABCDE-FGHJK' }] };
  const res = await client.api.public.votes[':slug'].receipts[':receipt'].$get({ param: { slug, receipt } });
  if (res.ok) {
    const body = await res.json();
    return { found: true, receipt: body.receipt, status: body.status, reason: body.reason };
  }
  const failure = await failureOf(res);
  if (failure.error === 'vote_not_found') error(404, { message: NOT_FOUND });
  if (failure.status >= 500) error(503, { message: 'Votes cannot be checked just now. Please try again in a few minutes.' });
  const hint = failure.issues?.find((i) => i.field === 'receipt')?.message ?? 'Check the code: it is 10 letters and numbers, like ABCDE-FGHJK';
  return { found: false, errors: [{ field: 'receipt', message: `${failure.message}. ${hint}` }] };
}

/** The cookie that makes "one vote per browser": a random token, sent only to this vote's pages. */
const BROWSER_COOKIE = 'vote_browser';

const cookieOptions = (slug: string, url: URL, closesAt: string) => ({
  path: `/v/${slug}`,
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: url.protocol === 'https:',
  // Kept while the vote is open (and a day after, for a vote cast at the last minute).
  expires: new Date(Date.parse(closesAt) + 86_400_000)
});

/** Gives the browser its token when the vote counts browsers and it has none yet. */
export function ensureBrowserToken(cookies: Cookies, url: URL, vote: PublicVote): void {
  if (!vote.browserToken || vote.state === 'closed' || cookies.get(BROWSER_COOKIE)) return;
  cookies.set(BROWSER_COOKIE, randomBytes(24).toString('base64url'), cookieOptions(vote.slug, url, vote.closesAt));
}

/**
 * Whether a vote was cast from this browser (a vote that counts browsers, open, and a token the browser already had):
 * the page then says so instead of offering a form that would be refused. Not knowing (the API unreadable just now)
 * is "no": the form stays, and casting says so if it must.
 */
export async function browserHasVoted(cookies: Cookies, vote: PublicVote): Promise<boolean> {
  const browserToken = cookies.get(BROWSER_COOKIE);
  if (!vote.browserToken || vote.state !== 'open' || !browserToken) return false;
  const res = await client.api.public.votes[':slug']['browser-voted'].$post({ param: { slug: vote.slug }, json: { browserToken } });
  return res.ok && (await res.json()).voted === true;
}

/** A fresh one-time key for the form: the same submission sent twice is one vote. */
export const idempotencyKey = () => randomBytes(18).toString('base64url');

export interface BallotForm {
  entryId: string;
  code: string;
  idempotencyKey: string;
}

/** `changed`: the same form sent again naming another podcast; the first vote stands. */
export type CastOutcome = { ok: true; receipt: string; changed: boolean } | { ok: false; status: number; errors: FieldError[]; alreadyVoted: boolean };

/** Where each of the API's refusals is shown: on the field to change, or on the vote as a whole. */
function errorsOf(failure: ApiFailure): FieldError[] {
  const issues = failure.issues ?? [];
  switch (failure.error) {
    case 'already_voted':
      return [{ field: 'already-voted', message: 'You have already voted in this vote from this browser. You can vote once.' }];
    case 'vote_closed':
    case 'vote_not_open':
      return [{ field: 'vote-state', message: failure.message }];
    case 'browser_token_missing':
      return [{ field: 'cast', message: `${failure.message}. ${issues[0]?.message ?? ''}`.trim() }];
    case 'code_required':
    case 'code_unknown':
    case 'code_used':
    case 'entry_taken_down':
    case 'entry_not_found': {
      const issue = issues[0];
      return [{ field: issue?.field === 'code' ? 'code' : 'entryId', message: issue ? `${failure.message}. ${issue.message}` : failure.message }];
    }
    default: {
      const onFields = issues.filter((i) => i.field === 'entryId' || i.field === 'code');
      if (onFields.length > 0) return onFields;
      return [{ field: 'cast', message: 'Your vote could not be sent. Please try again.' }];
    }
  }
}

export async function castVote(event: Pick<RequestEvent, 'cookies' | 'getClientAddress'>, vote: PublicVote, form: BallotForm): Promise<CastOutcome> {
  const errors: FieldError[] = [];
  if (!form.entryId) errors.push({ field: 'entryId', message: 'Choose the podcast you want to vote for' });
  if (vote.requireCode && !form.code) errors.push({ field: 'code', message: 'Enter the voting code from your slip, like ABCD-EFGH' });
  if (errors.length > 0) return { ok: false, status: 400, errors, alreadyVoted: false };

  const clientAddress = event.getClientAddress();
  const voter = hc<AppType>('http://in-process', { fetch: (input: RequestInfo | URL, init?: RequestInit) => api.fetch(new Request(input, init), { clientAddress }) });
  const browserToken = vote.browserToken ? event.cookies.get(BROWSER_COOKIE) : undefined;
  const res = await voter.api.public.votes[':slug'].ballots.$post({
    param: { slug: vote.slug },
    json: {
      entryId: form.entryId,
      ...(vote.requireCode && form.code ? { code: form.code } : {}),
      ...(browserToken ? { browserToken } : {}),
      ...(form.idempotencyKey ? { idempotencyKey: form.idempotencyKey } : {})
    }
  });
  if (res.ok) {
    const cast = await res.json();
    return { ok: true, receipt: cast.receipt, changed: cast.changed === true };
  }
  const failure = await failureOf(res);
  if (failure.error === 'vote_not_found') error(404, { message: NOT_FOUND });
  if (failure.status >= 500) error(503, { message: 'Your vote could not be stored just now. Please try again in a few minutes.' });
  return { ok: false, status: failure.status === 409 ? 409 : 400, errors: errorsOf(failure), alreadyVoted: failure.error === 'already_voted' };
}
