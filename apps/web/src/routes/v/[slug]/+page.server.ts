import { fail, redirect } from '@sveltejs/kit';
import { formatLondon } from '#lib/server/designer-api.ts';
import { browserHasVoted, castVote, ensureBrowserToken, idempotencyKey, publishedResults, publishedVote } from '#lib/server/votes-public.ts';
import { audioTypeName, clockDuration, paragraphsOf } from '#lib/server/votes-public-format.ts';
import { formatBytes } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

/** A field as typed, cut just past what the API takes (so it answers on the field, and a huge value is not sent back in the page). */
const field = (form: FormData, name: string, max: number) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim().slice(0, max + 1) : '';
};

export const load: PageServerLoad = async ({ params, cookies, url, setHeaders }) => {
  const vote = await publishedVote(params.slug);
  // Asked before a new browser is given its token: a browser without one has not voted.
  const voted = await browserHasVoted(cookies, vote);
  ensureBrowserToken(cookies, url, vote);
  // The page carries a one-time key and sets a cookie: never kept by a shared cache.
  setHeaders({ 'cache-control': 'private, no-cache' });
  const base = `/api/public/votes/${encodeURIComponent(vote.slug)}/entries`;
  const results = vote.state === 'closed' && vote.resultsPublished ? await publishedResults(vote.slug) : null;
  return {
    vote: {
      slug: vote.slug,
      title: vote.title,
      introduction: paragraphsOf(vote.introduction),
      opens: formatLondon(vote.opensAt),
      closes: formatLondon(vote.closesAt),
      state: vote.state,
      requireCode: vote.requireCode
    },
    entries: vote.entries.map((entry) => {
      const at = `${base}/${encodeURIComponent(entry.id)}`;
      return {
        id: entry.id,
        title: entry.title,
        groupName: entry.groupName,
        firstNames: entry.firstNames,
        transcript: paragraphsOf(entry.transcript),
        captions: entry.hasCaptions ? `${at}/captions` : null,
        audio: entry.audio
          ? {
              src: `${at}/audio`,
              download: `${at}/audio?download=1`,
              type: entry.audio.mediaType,
              about: [audioTypeName(entry.audio.mediaType), formatBytes(entry.audio.bytes), clockDuration(entry.audio.durationMs)].filter(Boolean).join(', ')
            }
          : null
      };
    }),
    results,
    /** This browser has voted in this vote already: the page says so, with the way to check the vote, instead of the form. */
    voted,
    /** A code on the slip's QR code (…/v/<slug>?code=ABCD-EFGH) fills the box. */
    code: url.searchParams.get('code')?.slice(0, 40) ?? '',
    idempotencyKey: idempotencyKey()
  };
};

export const actions: Actions = {
  default: async (event) => {
    const vote = await publishedVote(event.params.slug);
    const form = await event.request.formData();
    const ballot = { entryId: field(form, 'entryId', 100), code: field(form, 'code', 40), idempotencyKey: field(form, 'idempotencyKey', 200) };
    const cast = await castVote(event, vote, ballot);
    if (!cast.ok) return fail(cast.status, { entryId: ballot.entryId, code: ballot.code, errors: cast.errors, alreadyVoted: cast.alreadyVoted });
    // The same form sent again with another choice (Back, another podcast): the confirmation says the first vote stands.
    redirect(303, `/v/${encodeURIComponent(vote.slug)}/done?receipt=${encodeURIComponent(cast.receipt)}${cast.changed ? '&changed=1' : ''}`);
  }
};
