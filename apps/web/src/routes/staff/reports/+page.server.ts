import { randomUUID } from 'node:crypto';
import { may } from '@safer-voices/api/policies';
import { type FieldError, parseForm, ReportCreateSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { checkedValues, errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['definition.title', 'definition.covers', 'slug'];
/** The schema's paths as the form's fields: the title, or what the report covers (by its first control). */
const asFormFields = (errors: FieldError[]): FieldError[] => errors.map((e) => ({ ...e, field: e.field === 'definition.covers' ? 'seriesId' : 'title' }));

/**
 * The create form's one-time token, in the page's address so that Back
 * (which fetches the page again: staff pages are never cached) shows the
 * form with the same token, and sending it again finds the report the first
 * made. A token the API would not take is replaced.
 */
const TOKEN = /^[A-Za-z0-9-]{8,100}$/;

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'view', 'see consultation reports');
  const api = apiAs(event, who).api;
  const canEdit = may(who, 'report', 'edit');
  const token = event.url.searchParams.get('form') ?? '';
  // After a refused create the form is shown again with the token it was sent with (form.values.token).
  if (canEdit && event.request.method === 'GET' && !TOKEN.test(token)) {
    const url = new URL(event.url);
    url.searchParams.set('form', randomUUID());
    redirect(302, `${url.pathname}${url.search}`);
  }
  const [listed, seriesRes, exploreRes] = await Promise.all([
    api.reports.$get({ query: {} }),
    canEdit ? api.series.$get({ query: {} }) : null,
    canEdit ? api['explore-list'].$get({ query: {} }) : null
  ]);
  if (!listed.ok) await unexpected(listed, 'Listing the reports');
  const { reports } = await listed.json();
  const series = seriesRes?.ok ? (await seriesRes.json()).series.map((s) => ({ id: s.id, name: s.name })) : [];
  const sources = exploreRes?.ok ? (await exploreRes.json()).questionnaires.map((q) => ({ id: q.id, title: q.title, kind: q.kind })) : [];
  return { organisation: who.organisation.name, reports, canEdit, series, sources, token, created: event.url.searchParams.get('created') };
};

export const actions: Actions = {
  create: async (event) => {
    const who = await requirePolicy(event, 'report', 'edit', 'create consultation reports');
    const form = await event.request.formData();
    const values = { title: textField(form, 'title').trim(), seriesId: textField(form, 'seriesId'), covered: checkedValues(form, 'covered'), token: textField(form, 'token') };
    const api = apiAs(event, who).api;
    const explore = await api['explore-list'].$get({ query: {} });
    const kinds = new Map(explore.ok ? (await explore.json()).questionnaires.map((q) => [q.id, q.kind] as const) : []);
    const input = parseForm(
      ReportCreateSchema,
      {
        definition: {
          title: values.title,
          covers: {
            ...(values.seriesId ? { seriesId: values.seriesId } : {}),
            questionnaireIds: values.covered.filter((id) => kinds.get(id) !== 'collection'),
            collectionIds: values.covered.filter((id) => kinds.get(id) === 'collection')
          }
        }
      },
      FIELDS,
      'definition.title'
    );
    if (!input.ok) return fail(400, { values, errors: asFormFields(input.errors) });
    if (!values.seriesId && values.covered.length === 0) {
      return fail(400, { values, errors: [{ field: 'seriesId', message: 'Choose a series or at least one questionnaire for the report to cover' }] });
    }
    const token = values.token;
    const send = (headers?: Record<string, string>) => api.reports.$post({ query: {}, json: input.data }, headers ? { headers } : undefined);
    let res = await send(TOKEN.test(token) ? { 'idempotency-key': token } : undefined);
    // The token already made a different report (Back, then changed the form): this is a new one.
    const reused = (res as Response).status === 409 && (await failureOf((res as Response).clone())).error === 'idempotency_key_reused';
    if (reused) res = await send();
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400 || failure.status === 422) return fail(400, { values, errors: asFormFields(errorsFrom(failure, FIELDS, 'definition.title')) });
      error(failure.status === 403 ? 403 : 500, { message: failure.message });
    }
    const { report } = await res.json();
    redirect(303, `/staff/reports/${report.id}?done=created`);
  }
};
