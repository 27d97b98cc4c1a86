import { type FieldError, findStep, localisedErrors, readStepForm, skipping, validateAnswers, validateStep, withStepAnswers } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { client, failureOf } from '#lib/server/api.ts';
import { requireJourney } from '#lib/server/journey.ts';
import { errorsWithLanguage, respondentLanguage } from '#lib/server/language.ts';
import { pastHiddenPage, stepPosition, whereNext } from '#lib/journey.ts';
import type { Actions, PageServerLoad } from './$types';

const missing: () => never = () => error(404, { message: 'This page of the survey does not exist.' });

export const load: PageServerLoad = async (event) => {
  const { params, cookies, url } = event;
  const journey = await requireJourney(cookies, url, params.slug);
  const { definition } = respondentLanguage(event, journey.questionnaire.definition);
  const page = definition.pages.find((p) => p.id === params.page);
  if (!page) missing();
  const key = url.searchParams.get('step');
  const step = findStep(definition, journey.answers, page.id, key);
  if (!step) {
    // A page hidden by earlier answers (e.g. after a change) is skipped.
    if (!findStep(definition, journey.answers, page.id)) redirect(303, pastHiddenPage(params.slug, definition, journey.answers, page.id));
    missing();
  }
  return {
    title: definition.title,
    page: { id: page.id, title: page.title },
    questions: step.questions,
    row: step.row ? { question: step.row.question, row: step.row.row } : null,
    answers: journey.answers,
    change: url.searchParams.has('change'),
    markOptional: skipping(definition).markOptional,
    ...stepPosition(params.slug, definition, journey.answers, step)
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { params, cookies, url, request } = event;
    const journey = await requireJourney(cookies, url, params.slug);
    const source = journey.questionnaire.definition;
    const reading = respondentLanguage(event, source);
    const { definition } = reading;
    const step = findStep(definition, journey.answers, params.page, url.searchParams.get('step'));
    if (!step) missing();
    const form = readStepForm(step, await request.formData(), reading.lang);
    const res = await client.api.drafts[':token'].pages[':pageId'].$put({
      param: { token: journey.token, pageId: step.page.id },
      json: { answers: form.answers, step: step.key }
    });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status !== 422) error(failure.status === 404 ? 404 : 500, { message: failure.message });
      // A number that could not be read explains itself better than "required".
      const unreadable = new Set(form.errors.map((e) => e.field));
      // The API checks against the source language; the same check on the
      // localised definition gives each of its fields a message in the reader's language.
      const local = validateStep(definition, withStepAnswers(journey.answers, step, form.answers), step, { lang: reading.lang });
      const errors: FieldError[] = [...form.errors, ...localisedErrors(failure.issues ?? [], local).filter((e) => !unreadable.has(e.field))];
      return fail(422, { errors: errorsWithLanguage(errors, source, reading), answers: form.answers, raw: form.raw });
    }
    if (form.errors.length > 0) return fail(422, { errors: errorsWithLanguage(form.errors, source, reading), answers: form.answers, raw: form.raw });
    const { answers } = (await res.json()) as { answers: typeof journey.answers };
    const changing = url.searchParams.has('change') && validateAnswers(definition, answers).length === 0;
    redirect(303, whereNext(params.slug, definition, answers, step, changing));
  }
};
