import { parseForm, ReportExportSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow } from '#lib/server/reports.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['format', 'version'];

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'view', 'download consultation reports');
  const api = apiAs(event, who).api;
  const [{ report }, listed] = await Promise.all([reportNow(api, event.params.id), api.reports[':id'].exports.$get({ param: { id: event.params.id } })]);
  if (!listed.ok) await unexpected(listed, 'Listing the report’s files');
  const versions = [
    {
      value: String(report.version),
      label: `Version ${report.version}, the newest`,
      hint: report.status === 'published' ? 'Published: what the public page shows' : 'A draft: its figures are worked out when the file is made'
    }
  ];
  if (report.publishedVersion && report.publishedVersion !== report.version) {
    versions.push({
      value: String(report.publishedVersion),
      label: `Version ${report.publishedVersion}, published`,
      hint: 'What the public page shows, with its figures as they were when it was published'
    });
  }
  return {
    report: { id: report.id, title: report.definition.title },
    versions,
    chosenVersion: String(report.publishedVersion ?? report.version),
    files: (await listed.json()).exports
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'report', 'view', 'download consultation reports');
    const form = await event.request.formData();
    const values = { format: textField(form, 'format'), version: textField(form, 'version') };
    const input = parseForm(ReportExportSchema, { format: values.format || undefined, version: values.version === '' ? undefined : Number(values.version) }, FIELDS, 'format');
    if (!input.ok) return fail(400, { values, errors: input.errors });
    const res = await apiAs(event, who).api.reports[':id'].exports.$post({ param: { id: event.params.id }, json: input.data });
    if (res.status !== 202) {
      const failure = await failureOf(res);
      if (failure.status === 400 || (failure.status === 404 && failure.issues)) return fail(400, { values, errors: errorsFrom(failure, FIELDS, 'format') });
      error(failure.status === 403 || failure.status === 404 ? failure.status : 500, { message: failure.message });
    }
    const body = await res.json();
    if (!('export' in body)) error(500, { message: 'The file could not be started' });
    redirect(303, `/staff/reports/${event.params.id}/download/${body.export.id}`);
  }
};
