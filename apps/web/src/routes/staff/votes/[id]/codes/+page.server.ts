import { may } from '@safer-voices/api/policies';
import { CodeBatchInputSchema, parseForm } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import { refusedPage, requireVotePolicy, voteFor, votesApi } from '#lib/server/votes-staff.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['label', 'count'];

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'view');
  const vote = await voteFor(event, who, event.params.id);
  const res = await votesApi(event, who)[':id']['code-batches'].$get({ param: { id: vote.id } });
  if (!res.ok) return unexpected(res, 'Listing voting codes');
  const { batches } = await res.json();
  return {
    vote: { id: vote.id, title: vote.title, requireCode: vote.requireCode, closed: vote.state === 'closed' },
    batches: batches.map((b) => ({ id: b.id, label: b.label, createdAt: b.createdAt, codes: b.codes.length, used: b.used })),
    canMake: may(who, 'vote', 'edit') && vote.requireCode && vote.state !== 'closed',
    made: event.url.searchParams.get('made')
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requireVotePolicy(event, 'edit');
    const form = await event.request.formData();
    const values = { label: textField(form, 'label'), count: textField(form, 'count').trim() };
    const input = parseForm(CodeBatchInputSchema, { label: values.label, count: /^\d+$/.test(values.count) ? Number(values.count) : values.count }, FIELDS, 'label');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await votesApi(event, who)[':id']['code-batches'].$post({ param: { id: event.params.id }, json: input.data });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { values, errors: errorsFrom(failure, FIELDS, 'label') });
      refusedPage(failure);
    }
    const { batch } = await res.json();
    redirect(303, `/staff/votes/${event.params.id}/codes?made=${encodeURIComponent(batch?.id ?? '')}`);
  }
};
