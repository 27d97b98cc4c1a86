import { interfaceText, visiblePages, visibleQuestionIds } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { describeAnswer } from '#lib/describe-answer.ts';
import { client, failureOf } from '#lib/server/api.ts';
import { requireJourney } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import { endSession } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params, cookies, url } = event;
  const journey = await requireJourney(cookies, url, params.slug);
  const { lang, definition } = respondentLanguage(event, journey.questionnaire.definition);
  const notAnswered = interfaceText(lang, 'notAnswered').text;
  const visible = visibleQuestionIds(definition, journey.answers);
  const pages = visiblePages(definition, journey.answers);
  const rows = pages.flatMap((page) =>
    page.questions
      .filter((q) => visible.has(q.id) && q.type !== 'statement')
      .map((q) => ({
        id: q.id,
        label: q.label,
        answer: describeAnswer(q, journey.answers[q.id], notAnswered),
        href: `/s/${params.slug}/q/${page.id}?change=1`
      }))
  );
  const pageOf = Object.fromEntries(pages.flatMap((p) => p.questions.map((q) => [q.id, p.id])));
  return { title: definition.title, rows, pageOf, backHref: pages.length ? `/s/${params.slug}/q/${pages.at(-1)?.id}` : `/s/${params.slug}` };
};

export const actions: Actions = {
  default: async ({ params, cookies, url }) => {
    const journey = await requireJourney(cookies, url, params.slug);
    const res = await client.api.drafts[':token'].submit.$post({ param: { token: journey.token } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 422) return fail(422, { errors: (failure.issues ?? []).map((e) => ({ ...e, lang: 'en' })), message: null });
      if (failure.status === 409) return fail(409, { errors: [], message: failure.message });
      error(failure.status === 404 ? 404 : 503, { message: failure.message });
    }
    endSession(cookies, url);
    redirect(303, `/s/${params.slug}/done`);
  }
};
