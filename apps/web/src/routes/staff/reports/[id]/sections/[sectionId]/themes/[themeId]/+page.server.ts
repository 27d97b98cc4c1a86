import { parseForm, type ReportSectionDefinition, ReportSectionSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow, saveReport, sectionIn, versionFrom } from '#lib/server/reports.ts';
import { themeOptions } from '#lib/server/reports-choices.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { checkedValues, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Themes = Extract<ReportSectionDefinition, { kind: 'themes' }>;

async function themeOf(event: RequestEvent) {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const api = apiAs(event, who).api;
  const { report } = await reportNow(api, event.params.id);
  const section = sectionIn(report.definition, event.params.sectionId);
  const index = section.kind === 'themes' ? section.themes.findIndex((t) => t.themeId === event.params.themeId) : -1;
  if (section.kind !== 'themes' || index < 0) error(404, { message: 'That theme is not chosen in this section.' });
  return { api, report, section: section as Themes, index };
}

/** A quote's checkbox value: which answer it is. */
const keyOf = (q: { responseId: string; questionId: string }) => `${q.responseId}|${q.questionId}`;

/** Quotes shown of each questionnaire at first, and how many more "Show more quotes" adds (as the API's default). */
const QUOTES_STEP = 10;
const MAX_SHOWN = 500;

/**
 * How many quotes of each questionnaire to show (`shown` in the address), and
 * the author's unsaved text and ticks when "Show more quotes" sent them there
 * (a GET, so it works without JavaScript and keeps what they had chosen).
 */
function asked(url: URL) {
  const raw = url.searchParams.get('shown') ?? '';
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : QUOTES_STEP;
  const shown = Math.min(MAX_SHOWN, Math.max(QUOTES_STEP, n));
  const more = url.searchParams.has('shown');
  return { shown, text: more ? (url.searchParams.get('text') ?? '') : null, quotes: more ? url.searchParams.getAll('quotes') : null };
}

export const load: PageServerLoad = async (event) => {
  const { api, report, section, index } = await themeOf(event);
  const theme = section.themes[index] as Themes['themes'][number];
  const wanted = asked(event.url);
  const chosen = wanted.quotes ?? theme.quotes.map(keyOf);
  const quotesUpTo = async (shown: number) => {
    const res = await api.reports[':id'].quotes.$get({ param: { id: report.id }, query: { theme: theme.themeId, shown: String(shown) } });
    return res.ok ? await res.json() : { quotes: [], more: false };
  };
  const themes = await themeOptions(api);
  let found = await quotesUpTo(wanted.shown);
  // Enough to show every quote already chosen, so saving the form keeps them.
  while (found.more && wanted.shown < MAX_SHOWN && chosen.some((key) => !found.quotes.some((q) => keyOf(q) === key))) {
    wanted.shown = Math.min(MAX_SHOWN, wanted.shown * 2);
    found = await quotesUpTo(wanted.shown);
  }
  return {
    report: { id: report.id, title: report.definition.title, version: report.version },
    sectionId: section.id,
    theme: {
      id: theme.themeId,
      label: themes.find((t) => t.value === theme.themeId)?.label ?? theme.themeId,
      text: wanted.text ?? theme.text,
      chosen
    },
    quotes: found.quotes.map((q) => ({ value: keyOf(q), text: q.text, attribution: q.attribution, questionnaire: q.questionnaire })),
    shown: wanted.shown,
    more: found.more && wanted.shown < MAX_SHOWN ? Math.min(MAX_SHOWN, wanted.shown + QUOTES_STEP) : null
  };
};

export const actions: Actions = {
  save: async (event) => {
    const { api, report, section, index } = await themeOf(event);
    const form = await event.request.formData();
    const version = versionFrom(form);
    const values = { text: textField(form, 'text'), quotes: checkedValues(form, 'quotes') };
    const quotes = values.quotes.map((v) => {
      const [responseId = '', questionId = ''] = v.split('|');
      return { responseId, questionId };
    });
    const themes = section.themes.map((t, i) => (i === index ? { ...t, text: values.text, quotes } : t));
    const parsed = parseForm(ReportSectionSchema, { ...section, themes }, [`themes.${index}.text`, `themes.${index}.quotes`], `themes.${index}.quotes`);
    if (!parsed.ok) return fail(400, { values, errors: parsed.errors.map((e) => ({ ...e, field: e.field.endsWith('.text') ? 'text' : 'quotes' })) });
    const sections = report.definition.sections.map((s) => (s.id === section.id ? parsed.data : s));
    const saved = await saveReport(api, report.id, version, { ...report.definition, sections });
    if (!saved.ok) return saved.stale ? fail(409, { values, errors: [], stale: true }) : fail(400, { values, errors: [{ field: 'quotes', message: saved.failure.message }] });
    redirect(303, `/staff/reports/${report.id}/sections/${section.id}?done=quotes-saved`);
  }
};
