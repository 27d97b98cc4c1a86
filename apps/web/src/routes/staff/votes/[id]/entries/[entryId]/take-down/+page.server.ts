import { TakedownInputSchema, parseForm } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import { refusedPage, requireVotePolicy, voteFor, votesApi } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'edit');
  const vote = await voteFor(event, who, event.params.id);
  const entry = vote.entries.find((e) => e.id === event.params.entryId);
  if (!entry) error(404, { message: 'There is no such podcast in this vote' });
  if (entry.takenDown) redirect(303, `/staff/votes/${vote.id}#entry-${entry.id}`);
  return { vote: { id: vote.id, title: vote.title, published: vote.state !== 'draft' }, entry: { id: entry.id, title: entry.title, groupName: entry.groupName } };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'edit');
    const values = { reason: textField(await event.request.formData(), 'reason') };
    const input = parseForm(TakedownInputSchema, values, ['reason'], 'reason');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await votesApi(event, who)[':id'].entries[':entryId'].takedown.$post({ param: { id: event.params.id, entryId: event.params.entryId }, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { values, errors: errorsFrom(failure, ['reason'], 'reason') });
      refusedPage(failure);
    }
    redirect(303, `/staff/votes/${event.params.id}?done=taken-down#entry-${event.params.entryId}`);
  }
};
