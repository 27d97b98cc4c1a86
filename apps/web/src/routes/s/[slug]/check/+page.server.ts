import { interfaceText, journeySteps, type Step } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { scaleExtras } from '#lib/choices.ts';
import { describeAnswer } from '#lib/describe-answer.ts';
import { stepHref } from '#lib/journey.ts';
import { client, failureOf } from '#lib/server/api.ts';
import { requireJourney } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import { endSession, markSent } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

/** One answer on "Check your answers", with the step where it can be changed. */
interface SummaryRow {
  id: string;
  label: string;
  /** For a grid row: the grid's question, shown above its first row and said (visually hidden) before the others. */
  caption?: { text: string; shown: boolean };
  answer: string[];
  href: string;
}

export const load: PageServerLoad = async (event) => {
  const { params, cookies, url } = event;
  const journey = await requireJourney(cookies, url, params.slug);
  const { lang, definition } = respondentLanguage(event, journey.questionnaire.definition);
  const notAnswered = interfaceText(lang, 'notAnswered').text;
  const steps = journeySteps(definition, journey.answers);
  const summary = (step: Step): SummaryRow[] => {
    const href = stepHref(params.slug, step, true);
    if (step.row) {
      // A grid asked one row per page is checked and changed one row at a time.
      const { question, row, index } = step.row;
      const value = journey.answers[question.id];
      const chosen = value && typeof value === 'object' && !Array.isArray(value) ? value[row.value] : undefined;
      const label = [...question.points, ...scaleExtras(question.extras)].find((c) => c.value === chosen)?.label ?? chosen;
      return [{ id: step.key, label: row.label, caption: { text: question.label, shown: index === 0 }, answer: [label ?? notAnswered], href }];
    }
    return step.questions.filter((q) => q.type !== 'statement').map((q) => ({ id: q.id, label: q.label, answer: describeAnswer(q, journey.answers[q.id], notAnswered), href }));
  };
  const rows = steps.flatMap(summary);
  // Where each problem found on sending can be put right: a question, or a grid's row.
  const hrefOf: Record<string, string> = {};
  for (const step of steps) {
    const href = stepHref(params.slug, step, true);
    for (const q of step.questions) hrefOf[q.id] ??= href;
    if (step.row) hrefOf[step.key] = href;
  }
  const last = steps.at(-1);
  return { title: definition.title, rows, hrefOf, backHref: last ? stepHref(params.slug, last) : `/s/${params.slug}` };
};

export const actions: Actions = {
  default: async ({ params, cookies, url }) => {
    const done = `/s/${params.slug}/done`;
    // Sent already (a double click, or Back and Send again): the thank-you page again, with its help, and still one response.
    const journey = await requireJourney(cookies, url, params.slug, done);
    const res = await client.api.drafts[':token'].submit.$post({ param: { token: journey.token } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 422) return fail(422, { errors: (failure.issues ?? []).map((e) => ({ ...e, lang: 'en' })), message: null });
      if (failure.status === 409) return fail(409, { errors: [], message: failure.message });
      error(failure.status === 404 ? 404 : 503, { message: failure.message });
    }
    endSession(cookies, url);
    markSent(cookies, url, params.slug);
    redirect(303, done);
  }
};
