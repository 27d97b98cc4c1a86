import type { FieldError } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { canEdit, editorAnchor, fromLondonFields, requireEditor, toLondonFields, unexpected } from '#lib/server/designer-api.ts';
import { webConfig } from '#lib/server/config.ts';
import { canAnalyse } from '#lib/server/explore.ts';
import { wavePlan } from '#lib/server/planning.ts';
import { apiAs, requireStaff } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireStaff(event);
  const res = await apiAs(event, who).api.designer.questionnaires[':id'].$get({ param: { id: event.params.id } });
  if (!res.ok) await unexpected(res, 'Reading a questionnaire');
  const { questionnaire, working, problems, versions, privacy } = await res.json();
  const base = `/staff/questionnaires/${questionnaire.id}`;
  return {
    editor: canEdit(who.roles),
    analyst: canAnalyse(who.roles),
    organisation: who.organisation.name,
    questionnaire,
    working: working && { version: working.version, published: working.published },
    problems: problems.map((p) => ({ ...p, href: `${base}/edit${editorAnchor(p.field, working?.definition)}` })),
    versions,
    privacy,
    publicUrl: new URL(`/s/${questionnaire.slug}`, webConfig().PUBLIC_URL).href,
    schedule: { opens: toLondonFields(questionnaire.opensAt), closes: toLondonFields(questionnaire.closesAt) },
    notice: ['created', 'imported', 'published', 'scheduled', 'closed', 'access', 'privacy', 'listing'].find((n) => event.url.searchParams.has(n)) ?? null,
    confirmClose: event.url.searchParams.has('confirm-close'),
    planning: await wavePlan(event, who)
  };
};

const api = async (event: RequestEvent) => apiAs(event, await requireEditor(event)).api.designer.questionnaires[':id'];
const back = (event: RequestEvent, notice: string) => redirect(303, `/staff/questionnaires/${event.params.id}?${notice}`);

/** A date and optional time from the schedule form, or the error to show. */
function when(form: FormData, name: 'opens' | 'closes', label: string): { iso: string | null } | { error: FieldError } {
  const date = textField(form, `${name}-date`).trim();
  const time = textField(form, `${name}-time`).trim() || (name === 'opens' ? '00:00' : '23:59');
  if (!date) return { iso: null };
  const iso = fromLondonFields(date, time);
  return iso ? { iso } : { error: { field: `${name}-date`, message: `Enter a real ${label} date and time, like 2026-09-01 and 09:00` } };
}

const PRIVACY_FIELDS = ['responsibleOrganisation', 'privacyContact', 'retention'] as const;

export const actions: Actions = {
  privacy: async (event) => {
    const form = await event.request.formData();
    const values = Object.fromEntries(PRIVACY_FIELDS.map((f) => [f, textField(form, f).trim()])) as Record<(typeof PRIVACY_FIELDS)[number], string>;
    const res = await (await api(event)).privacy.$put({ param: { id: event.params.id }, json: values });
    if (!res.ok) {
      const failure = await failureOf(res);
      // The API words each problem as the form does ("Enter how long answers are kept").
      if (failure.status === 400 && failure.issues?.length) return fail(400, { privacy: { values, errors: failure.issues.map((i) => ({ field: i.field, message: i.message })) } });
      return unexpected(res, 'Saving the privacy details');
    }
    back(event, 'privacy');
  },

  listing: async (event) => {
    const choice = textField(await event.request.formData(), 'listed');
    if (choice !== 'listed' && choice !== 'unlisted') return fail(400, { listing: { errors: [{ field: 'listed', message: 'Choose whether the home page lists it' }] } });
    const res = await (await api(event)).listing.$put({ param: { id: event.params.id }, json: { listed: choice === 'listed' } });
    if (!res.ok) return unexpected(res, 'Changing the home page listing');
    back(event, 'listing');
  },

  schedule: async (event) => {
    const form = await event.request.formData();
    const values = Object.fromEntries(['opens-date', 'opens-time', 'closes-date', 'closes-time'].map((f) => [f, textField(form, f)]));
    const opens = when(form, 'opens', 'opening');
    const closes = when(form, 'closes', 'closing');
    const errors = [opens, closes].flatMap((w) => ('error' in w ? [w.error] : []));
    if ('iso' in opens && 'iso' in closes && opens.iso && closes.iso && closes.iso <= opens.iso) {
      errors.push({ field: 'closes-date', message: 'The closing date must be after the opening date' });
    }
    if (errors.length > 0 || !('iso' in opens) || !('iso' in closes)) return fail(400, { schedule: { values, errors } });
    const res = await (await api(event)).schedule.$put({ param: { id: event.params.id }, json: { opensAt: opens.iso, closesAt: closes.iso } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { schedule: { values, errors: [{ field: 'opens-date', message: failure.message }] } });
      return unexpected(res, 'Scheduling');
    }
    back(event, 'scheduled');
  },

  close: async (event) => {
    const res = await (await api(event)).close.$post({ param: { id: event.params.id } });
    if (!res.ok) return unexpected(res, 'Closing');
    back(event, 'closed');
  },

  access: async (event) => {
    const mode = textField(await event.request.formData(), 'mode');
    if (mode !== 'open' && mode !== 'codes') return fail(400, { access: { errors: [{ field: 'mode', message: 'Choose how people get in' }] } });
    const res = await (await api(event)).access.$put({ param: { id: event.params.id }, json: { mode } });
    if (!res.ok) return unexpected(res, 'Changing access');
    back(event, 'access');
  }
};
