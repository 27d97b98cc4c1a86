import { error, fail, redirect } from '@sveltejs/kit';
import { entryValuesFrom, entryValuesOf, requireVotePolicy, sendEntry, voteFor, votesApi } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'edit');
  const vote = await voteFor(event, who, event.params.id);
  const entry = vote.entries.find((e) => e.id === event.params.entryId);
  if (!entry) error(404, { message: 'There is no such podcast in this vote' });
  if (vote.state !== 'draft') error(409, { message: 'The vote is published: its podcasts cannot be changed now, only taken down.' });
  return { vote: { id: vote.id, title: vote.title }, entry: { id: entry.id, title: entry.title, hasAudio: entry.audio !== null, hasCaptions: entry.hasCaptions }, values: entryValuesOf(entry) };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'edit');
    const form = await event.request.formData();
    const entry = votesApi(event, who)[':id'].entries[':entryId'];
    const errors = await sendEntry(form, (body) => entry.$put({ param: { id: event.params.id, entryId: event.params.entryId } }, { init: { body } }), false);
    if (errors) return fail(400, { values: entryValuesFrom(form), errors });
    redirect(303, `/staff/votes/${event.params.id}?done=entry-changed#entry-${event.params.entryId}`);
  }
};
