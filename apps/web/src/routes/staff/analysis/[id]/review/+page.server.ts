// The review queue, one answer at a time: the coder's least certain answers
// first. "Save and next" stores the analyst's themes and carries on after
// this answer; "Skip" carries on without deciding. Every step is a plain
// form or link, so the page works without JavaScript.
import type { FieldError } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { requireReviewer, tickedThemes } from '#lib/components/review/reviewer.server.ts';
import { checklistOrder } from '#lib/components/review/review-format.ts';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const NOTICES: Record<string, string> = {
  saved: 'Saved. Here is the next answer.',
  skipped: 'Skipped. Here is the next answer.',
  retrain: 'Retraining has been asked for. It runs in the background; reload this page in a minute to see the new model.',
  recode: 'Re-coding has started with the current model. Answers you have decided keep your themes.'
};

/** Back to the queue, carrying on after `after` when there is one. */
function queueUrl(pathname: string, after: string, done?: keyof typeof NOTICES, job?: string) {
  const query = new URLSearchParams();
  if (after) query.set('after', after);
  if (done) query.set('done', done);
  if (job) query.set('job', job);
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}

export const load: PageServerLoad = async (event) => {
  const who = await requireReviewer(event);
  const after = event.url.searchParams.get('after') || null;
  const res = await apiAs(event, who).api.review.questionnaires[':id'].$get({ param: { id: event.params.id }, query: after ? { after } : {} });
  // A place in the queue that no longer reads (an old bookmark): start from the top.
  if (res.status === 400 && after) redirect(303, event.url.pathname);
  if (!res.ok) await unexpected(res, 'Reading the review queue');
  const view = await res.json();
  const item = view.items[0] ?? null;
  const done = event.url.searchParams.get('done');
  return {
    organisation: who.organisation.name,
    view,
    item,
    after,
    checklist: item ? checklistOrder(view.themes, item.suggestions) : [],
    suggested: item ? item.suggestions.filter((s) => s.decision === 'yes').map((s) => s.themeId) : [],
    notice: done && done in NOTICES ? NOTICES[done] : null,
    // The re-coding job just started, to follow its progress.
    job: done === 'recode' ? event.url.searchParams.get('job') : null
  };
};

export const actions: Actions = {
  decide: async (event) => {
    const who = await requireReviewer(event);
    const form = await event.request.formData();
    const themes = tickedThemes(form);
    const responseId = textField(form, 'responseId');
    const questionId = textField(form, 'questionId');
    const position = textField(form, 'position');
    const res = await apiAs(event, who).api.review.decisions.$post({ json: { responseId, questionId, themes } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) {
        const errors: FieldError[] = errorsFrom(failure, ['themes'], 'themes');
        return fail(400, { values: { responseId, themes }, errors });
      }
      // Decided elsewhere, or gone: the queue itself shows what is left.
      if (failure.status === 404) error(404, { message: 'That answer is no longer in the review queue.' });
      return unexpected(res, 'Saving a review decision');
    }
    redirect(303, queueUrl(event.url.pathname, position, 'saved'));
  },
  retrain: async (event) => {
    const who = await requireReviewer(event);
    const form = await event.request.formData();
    const after = textField(form, 'after');
    const organisationId = textField(form, 'organisationId');
    const res = await apiAs(event, who).api.review.retrain.$post({ json: organisationId ? { organisationId } : {} });
    if (!res.ok) {
      // Too few decisions yet: said beside the button.
      const failure = await failureOf(res);
      if (failure.status === 409) return fail(409, { retrainError: failure.message });
      if (failure.status === 403 || failure.status === 404) error(failure.status, { message: failure.message });
      throw new Error(`Asking for retraining failed: ${failure.status} ${failure.message}`);
    }
    redirect(303, queueUrl(event.url.pathname, after, 'retrain'));
  },
  recode: async (event) => {
    const who = await requireReviewer(event);
    await event.request.formData();
    const res = await apiAs(event, who).api.coding.jobs.$post({ json: { questionnaireId: event.params.id } });
    if (!res.ok) return unexpected(res, 'Starting re-coding');
    const { job } = await res.json();
    // Re-coding changes how sure the coder is of each answer, and so the queue's order: start from the top.
    redirect(303, queueUrl(event.url.pathname, '', 'recode', job.id));
  }
};
