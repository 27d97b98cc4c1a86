import { EasyReadOverride, parseForm } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow, saveReport, versionFrom } from '#lib/server/reports.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const FIELDS = ['intro', 'findings.0', 'findings.1', 'findings.2', 'findings', 'next'];
/** One sentence a line; blank lines are left out. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const { report, document } = await reportNow(apiAs(event, who).api, event.params.id);
  const shown = report.definition.easyRead ?? document.easyRead;
  return {
    report: { id: report.id, title: report.definition.title, version: report.version },
    own: report.definition.easyRead !== null,
    values: {
      intro: (shown?.intro ?? []).join('\n'),
      finding1: shown?.findings[0] ?? '',
      finding2: shown?.findings[1] ?? '',
      finding3: shown?.findings[2] ?? '',
      next: (shown?.next ?? []).join('\n')
    }
  };
};

async function save(event: RequestEvent, override: (form: FormData) => { values?: Record<string, string>; input: unknown }) {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const api = apiAs(event, who).api;
  const form = await event.request.formData();
  const version = versionFrom(form);
  const { report } = await reportNow(api, event.params.id);
  const { values, input } = override(form);
  let easyRead = null;
  if (input !== null) {
    const parsed = parseForm(EasyReadOverride, input, FIELDS, 'intro');
    if (!parsed.ok)
      return fail(400, { values, errors: parsed.errors.map((e) => ({ ...e, field: e.field.replace('findings.', 'finding').replace(/finding(\d)/, (_, n) => `finding${Number(n) + 1}`) })) });
    easyRead = parsed.data;
  }
  const saved = await saveReport(api, report.id, version, { ...report.definition, easyRead });
  if (!saved.ok) return saved.stale ? fail(409, { values, errors: [], stale: true }) : fail(400, { values, errors: [{ field: 'intro', message: saved.failure.message }] });
  redirect(303, `/staff/reports/${report.id}?done=easy-read`);
}

export const actions: Actions = {
  save: (event) =>
    save(event, (form) => {
      const values = Object.fromEntries(['intro', 'finding1', 'finding2', 'finding3', 'next'].map((f) => [f, textField(form, f)]));
      return {
        values,
        input: { intro: lines(values.intro ?? ''), findings: [values.finding1, values.finding2, values.finding3], next: lines(values.next ?? '') }
      };
    }),
  generated: (event) => save(event, () => ({ input: null }))
};
