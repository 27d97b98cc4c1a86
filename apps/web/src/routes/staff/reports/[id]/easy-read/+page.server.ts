import type { EasyReadOverrideInput } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow, saveReport, versionFrom } from '#lib/server/reports.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { EASY_READ_FIELDS, type EasyReadValues, readEasyReadForm } from './easy-read-form.ts';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const { report, document } = await reportNow(apiAs(event, who).api, event.params.id);
  // The author's own version, or the one generated from the report to start from.
  const shown = report.definition.easyRead ?? document.easyRead;
  const values: EasyReadValues = {
    intro: (shown?.intro ?? []).join('\n'),
    finding1: shown?.findings[0] ?? '',
    finding2: shown?.findings[1] ?? '',
    finding3: shown?.findings[2] ?? '',
    next: (shown?.next ?? []).join('\n')
  };
  return { report: { id: report.id, title: report.definition.title, version: report.version }, own: report.definition.easyRead !== null, values };
};

/** Saves the author's version, or null to use the generated one. */
async function save(
  event: RequestEvent,
  read: (form: FormData) => { values?: EasyReadValues; easyRead: EasyReadOverrideInput | null } | { values: EasyReadValues; errors: ReturnType<typeof readEasyReadForm>['errors'] }
) {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const api = apiAs(event, who).api;
  const form = await event.request.formData();
  const version = versionFrom(form);
  const got = read(form);
  if ('errors' in got) return fail(400, { values: got.values, errors: got.errors });
  const { report } = await reportNow(api, event.params.id);
  const saved = await saveReport(api, report.id, version, { ...report.definition, easyRead: got.easyRead });
  if (!saved.ok) return saved.stale ? fail(409, { values: got.values, errors: [], stale: true }) : fail(400, { values: got.values, errors: [{ field: 'intro', message: saved.failure.message }] });
  redirect(303, `/staff/reports/${report.id}?done=easy-read`);
}

export const actions: Actions = {
  save: (event) =>
    save(event, (form) => {
      const values = Object.fromEntries(EASY_READ_FIELDS.map((f) => [f, textField(form, f)])) as EasyReadValues;
      const { input, errors } = readEasyReadForm(values);
      return input ? { values, easyRead: input } : { values, errors };
    }),
  generated: (event) => save(event, () => ({ easyRead: null }))
};
