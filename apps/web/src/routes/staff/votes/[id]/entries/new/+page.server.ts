import { error, fail, redirect } from '@sveltejs/kit';
import { requireVotePolicy, sendEntry, voteFor, votesApi, entryValuesFrom } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'edit');
  const vote = await voteFor(event, who, event.params.id);
  if (vote.state !== 'draft') error(409, { message: 'The vote is published: podcasts cannot be added now.' });
  return { vote: { id: vote.id, title: vote.title } };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'edit');
    const form = await event.request.formData();
    const entries = votesApi(event, who)[':id'].entries;
    const errors = await sendEntry(form, (body) => entries.$post({ param: { id: event.params.id } }, { init: { body } }), true);
    if (errors) return fail(400, { values: entryValuesFrom(form), errors });
    redirect(303, `/staff/votes/${event.params.id}?done=added`);
  }
};
