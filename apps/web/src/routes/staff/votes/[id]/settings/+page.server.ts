import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { refusedPage, requireVotePolicy, voteErrorsFrom, voteFor, voteInputFrom, votesApi, voteValuesFrom, voteValuesOf } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'edit');
  const vote = await voteFor(event, who, event.params.id);
  return {
    organisation: who.organisation.name,
    vote: { id: vote.id, title: vote.title, state: vote.state },
    values: voteValuesOf(vote),
    checksLocked: vote.state !== 'draft',
    opensLocked: vote.state === 'open' || vote.state === 'closed'
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'edit');
    const vote = await voteFor(event, who, event.params.id);
    const sent = voteValuesFrom(await event.request.formData());
    // Fields shown disabled once published are not sent: they keep what the vote has.
    const kept = voteValuesOf(vote);
    const values =
      vote.state === 'draft'
        ? sent
        : {
            ...sent,
            requireCode: kept.requireCode,
            browserToken: kept.browserToken,
            networkThreshold: kept.networkThreshold,
            networkWindowMinutes: kept.networkWindowMinutes,
            ...(vote.state === 'not_yet_open' ? {} : { 'opens-date': kept['opens-date'], 'opens-time': kept['opens-time'] })
          };
    const input = voteInputFrom(values);
    if (!input.ok) return fail(400, { values, errors: input.errors });
    // A time typed to the minute leaves the seconds of one set elsewhere: keep the opening exactly as it is when it is unchanged.
    const json = values['opens-date'] === kept['opens-date'] && values['opens-time'] === kept['opens-time'] ? { ...input.data, opensAt: vote.opensAt } : input.data;
    const res = await votesApi(event, who)[':id'].$put({ param: { id: vote.id }, json });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400 || failure.status === 409) return fail(failure.status, { values, errors: voteErrorsFrom(failure) });
      refusedPage(failure);
    }
    redirect(303, `/staff/votes/${vote.id}?done=changed`);
  }
};
