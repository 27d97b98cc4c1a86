import { skipping } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { codeFromLink } from '#lib/code-from-link.ts';
import { client, failureOf } from '#lib/server/api.ts';
import { loadQuestionnaire } from '#lib/server/journey.ts';
import { respondentLanguage } from '#lib/server/language.ts';
import { forgetSent, startSession } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const questionnaire = await loadQuestionnaire(event.params.slug);
  const { definition } = respondentLanguage(event, questionnaire.definition);
  // "You can skip any question" once here (see skipping() in the survey package).
  // A QR code on a slip or poster opens this page with its code filled in (?code=).
  const code = codeFromLink(event.url.searchParams.get('code'));
  return { questionnaire: { ...questionnaire, definition }, expired: event.url.searchParams.has('expired'), skipNotice: skipping(definition).notice, code };
};

export const actions: Actions = {
  default: async ({ params, cookies, url, request }) => {
    const form = await request.formData();
    const entered = String(form.get('code') ?? '').trim();
    const res = await client.api.drafts.$post({ json: entered ? { slug: params.slug, code: entered } : { slug: params.slug } });
    if (!res.ok) {
      const failure = await failureOf(res);
      const codeProblem = failure.issues?.find((issue) => issue.field === 'code');
      if (codeProblem) return fail(failure.status, { code: entered, errors: [{ field: 'code', message: codeProblem.message }], message: null });
      return fail(failure.status === 409 ? 409 : 400, { code: entered, errors: [], message: failure.message });
    }
    const { token, firstPageId } = await res.json();
    startSession(cookies, url, token);
    forgetSent(cookies, url);
    redirect(303, `/s/${params.slug}/q/${firstPageId}`);
  }
};
