import { HeldDecisionInputSchema, parseForm } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import { refusedPage, requireVotePolicy, voteFor, votesApi } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['decision', 'reason'];

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'review');
  const vote = await voteFor(event, who, event.params.id);
  const res = await votesApi(event, who)[':id'].review.$get({ param: { id: vote.id } });
  if (!res.ok) return unexpected(res, 'Reading the review');
  const { review } = await res.json();
  return {
    vote: { id: vote.id, title: vote.title, state: vote.state, ballotsCast: vote.ballotsCast, resultsPublished: vote.resultsPublishedAt !== null },
    review,
    decided: event.url.searchParams.get('decided')
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'review');
    const form = await event.request.formData();
    const group = textField(form, 'group');
    const values = { group, decision: textField(form, 'decision'), reason: textField(form, 'reason') };
    const input = parseForm(HeldDecisionInputSchema, { decision: values.decision || undefined, reason: values.reason }, FIELDS, 'reason');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    if (group.length < 1 || group.length > 100) return fail(400, { values, errors: [{ field: 'reason', message: 'These held votes could not be found: reload the page' }] });
    const res = await votesApi(event, who)[':id'].held[':group'].$post({ param: { id: event.params.id, group }, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { values, errors: errorsFrom(failure, FIELDS, 'reason') });
      // Decided by someone else meanwhile: the page shows what is left.
      if (failure.error === 'held_group_not_found') return fail(409, { values, errors: [{ field: 'reason', message: failure.message }] });
      refusedPage(failure);
    }
    const { decided } = await res.json();
    redirect(303, `/staff/votes/${event.params.id}/review?decided=${decided}-${input.data.decision}`);
  }
};
