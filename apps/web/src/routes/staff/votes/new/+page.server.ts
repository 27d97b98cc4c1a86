import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { newVoteValues, refusedPage, requireVotePolicy, voteErrorsFrom, voteInputFrom, votesApi, voteValuesFrom } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'edit');
  return { organisation: who.organisation.name, values: newVoteValues() };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'edit');
    const values = voteValuesFrom(await event.request.formData());
    const input = voteInputFrom(values);
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await votesApi(event, who).$post({ query: {}, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { values, errors: voteErrorsFrom(failure) });
      refusedPage(failure);
    }
    const { vote } = await res.json();
    redirect(303, `/staff/votes/${vote.id}?done=created`);
  }
};
