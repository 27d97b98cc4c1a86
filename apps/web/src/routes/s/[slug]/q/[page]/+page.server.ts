import { type FieldError, localisedErrors, readPageForm, validateAnswers, visiblePages } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { client, failureOf } from '#lib/server/api.ts';
import { requireJourney } from '#lib/server/journey.ts';
import { errorsWithLanguage, respondentLanguage } from '#lib/server/language.ts';
import { pagePosition, whereNext } from '#lib/journey.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params, cookies, url } = event;
  const journey = await requireJourney(cookies, url, params.slug);
  const { definition } = respondentLanguage(event, journey.questionnaire.definition);
  const page = definition.pages.find((p) => p.id === params.page);
  if (!page) error(404, { message: 'This page of the survey does not exist.' });
  const pages = visiblePages(definition, journey.answers);
  // A page hidden by earlier answers (e.g. after a change) is skipped.
  if (!pages.includes(page)) redirect(303, whereNext(params.slug, definition, journey.answers, page.id, false));
  return {
    title: definition.title,
    page,
    answers: journey.answers,
    change: url.searchParams.has('change'),
    ...pagePosition(params.slug, definition, journey.answers, page.id)
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { params, cookies, url, request } = event;
    const journey = await requireJourney(cookies, url, params.slug);
    const source = journey.questionnaire.definition;
    const reading = respondentLanguage(event, source);
    const { definition } = reading;
    const page = definition.pages.find((p) => p.id === params.page);
    if (!page) error(404, { message: 'This page of the survey does not exist.' });
    const form = readPageForm(page, await request.formData());
    const res = await client.api.drafts[':token'].pages[':pageId'].$put({
      param: { token: journey.token, pageId: page.id },
      json: { answers: form.answers }
    });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status !== 422) error(failure.status === 404 ? 404 : 500, { message: failure.message });
      // A number that could not be read explains itself better than "required".
      const unreadable = new Set(form.errors.map((e) => e.field));
      // The API checks against the source language; the same check on the
      // localised definition gives each of its fields a message in the reader's language.
      const local = validateAnswers(definition, { ...journey.answers, ...form.answers }, { pageId: page.id });
      const errors: FieldError[] = [...form.errors, ...localisedErrors(failure.issues ?? [], local).filter((e) => !unreadable.has(e.field))];
      return fail(422, { errors: errorsWithLanguage(errors, source, reading), answers: form.answers, raw: form.raw });
    }
    if (form.errors.length > 0) return fail(422, { errors: errorsWithLanguage(form.errors, source, reading), answers: form.answers, raw: form.raw });
    const { answers } = (await res.json()) as { answers: typeof journey.answers };
    const changing = url.searchParams.has('change') && validateAnswers(definition, answers).length === 0;
    redirect(303, whereNext(params.slug, definition, answers, page.id, changing));
  }
};
