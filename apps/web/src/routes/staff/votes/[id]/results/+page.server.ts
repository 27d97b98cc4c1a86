import { may } from '@safer-voices/api/policies';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { webConfig } from '#lib/server/config.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { refusedPage, requireVotePolicy, voteAddress, voteFor, votesApi } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'review');
  const vote = await voteFor(event, who, event.params.id);
  const summary = { id: vote.id, title: vote.title, closesAt: vote.closesAt, resultsPublishedAt: vote.resultsPublishedAt };
  // Nobody sees how the podcasts are doing until the vote has closed: the API is not even asked.
  if (vote.state !== 'closed') return { vote: summary, results: null, canPublish: false, address: null, done: false };
  const res = await votesApi(event, who)[':id'].results.$get({ param: { id: vote.id } });
  if (!res.ok) return unexpected(res, 'Reading the results');
  const { results } = await res.json();
  return {
    vote: summary,
    results,
    canPublish: may(who, 'vote', 'publish'),
    address: voteAddress(webConfig().PUBLIC_URL, vote.slug),
    done: event.url.searchParams.has('published')
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'publish');
    const res = await votesApi(event, who)[':id'].results.publish.$post({ param: { id: event.params.id } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 409) return fail(409, { problems: failure.issues?.length ? failure.issues.map((i) => i.message) : [failure.message] });
      refusedPage(failure);
    }
    redirect(303, `/staff/votes/${event.params.id}/results?published`);
  }
};
