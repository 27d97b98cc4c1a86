import { type FieldError, incompleteLanguageMessage, incompleteLanguages, languageName } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { webConfig } from '#lib/server/config.ts';
import { editorAnchor, requireEditor, unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const PRIVACY_LABELS: Record<string, string> = {
  responsibleOrganisation: 'Organisation responsible for the answers',
  privacyContact: 'Contact for questions and data protection requests',
  retention: 'How long answers are kept'
};

async function read(event: RequestEvent) {
  const who = await requireEditor(event);
  const api = apiAs(event, who).api.designer.questionnaires[':id'];
  const res = await api.$get({ param: { id: event.params.id } });
  if (!res.ok) await unexpected(res, 'Reading a questionnaire');
  return { api, details: await res.json() };
}

/** Where each reason not to publish is put right: the editor for the questions, the questionnaire's page for the privacy details. */
const hrefOf = (base: string, field: string, definition: Parameters<typeof editorAnchor>[1]) => (field in PRIVACY_LABELS ? `${base}#${field}` : `${base}/edit${editorAnchor(field, definition)}`);

// "Make your questionnaire live?": what respondents will see, where people
// find it, and the one button that cannot be undone. Nothing to publish: back
// to the questionnaire.
export const load: PageServerLoad = async (event) => {
  const { details } = await read(event);
  const { questionnaire: q, working, problems, privacy } = details;
  const base = `/staff/questionnaires/${q.id}`;
  if (!q.draftVersion || !working) redirect(303, base);
  const d = working.definition;
  const blocking: (FieldError & { href: string })[] = [
    ...privacy.missing.map((field) => ({ field, message: `Fill in “${PRIVACY_LABELS[field]}”`, href: `${base}#${field}` })),
    ...problems.map((p) => ({ ...p, href: hrefOf(base, p.field, d) }))
  ];
  return {
    questionnaire: {
      id: q.id,
      title: d.title,
      summary: d.summary,
      audience: d.audience,
      ageBand: d.ageBand ?? null,
      minutes: d.minutes,
      accessMode: q.accessMode,
      opensAt: q.opensAt,
      closesAt: q.closesAt
    },
    version: q.draftVersion,
    firstPublication: q.publishedVersion === null,
    counts: { pages: d.pages.length, questions: d.pages.reduce((n, p) => n + p.questions.filter((x) => x.type !== 'statement').length, 0) },
    address: new URL(`/s/${q.slug}`, webConfig().PUBLIC_URL).href,
    privacy,
    listed: q.listed,
    blocking,
    /** Languages respondents could choose that are not fully translated: publishing them needs the officer's say-so. */
    incomplete: incompleteLanguages(d).map((l) => ({ tag: l.lang, message: incompleteLanguageMessage(d, l) })),
    translationsHref: `${base}/translations`,
    sourceName: languageName(d.language, 'en')
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const choice = textField(form, 'listed');
    const confirmIncompleteLanguages = textField(form, 'confirmIncompleteLanguages') === 'yes';
    if (choice !== 'listed' && choice !== 'unlisted') return fail(400, { errors: [{ field: 'listed', message: 'Choose where people find it', href: '#listed' }] });
    const { api, details } = await read(event);
    const res = await api.publish.$post({
      param: { id: event.params.id },
      json: { listed: choice === 'listed', ...(confirmIncompleteLanguages ? { confirmIncompleteLanguages: true as const } : {}) }
    });
    if (!res.ok) {
      const failure = await failureOf(res);
      const base = `/staff/questionnaires/${event.params.id}`;
      // Someone else changed it in between: each reason links to where it is put right.
      if (failure.status === 422 && failure.error === 'translations_incomplete') {
        const message = 'Tick the box to publish languages that are not fully translated, or finish translating them first';
        return fail(422, { errors: [{ field: 'confirmIncompleteLanguages', message, href: '#confirmIncompleteLanguages' }] });
      }
      if (failure.status === 422) return fail(422, { errors: (failure.issues ?? []).map((i) => ({ field: i.field, message: i.message, href: hrefOf(base, i.field, details.working?.definition) })) });
      if (failure.status === 409) return fail(409, { errors: [{ field: 'publish', message: failure.message, href: base }] });
      return unexpected(res, 'Publishing');
    }
    redirect(303, `/staff/questionnaires/${event.params.id}?published`);
  }
};
