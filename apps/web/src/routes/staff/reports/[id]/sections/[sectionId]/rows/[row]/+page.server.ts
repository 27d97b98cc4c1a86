import { parseForm, REPORT_ROW_STATUSES, type ReportSectionDefinition, ReportSectionSchema } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { pinnedVersion, reportNow, saveReport, sectionIn, versionFrom } from '#lib/server/reports.ts';
import { strategyOptions } from '#lib/server/reports-choices.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type YouSaid = Extract<ReportSectionDefinition, { kind: 'you-said-we-did' }>;
const ROW_FIELDS = ['youSaid', 'weDid', 'priorityId', 'successMeasureId', 'status'] as const;

/** The report, its "You said, we did" section and which row (null: a new one). */
async function rowOf(event: RequestEvent, action: 'load' | 'save') {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const api = apiAs(event, who).api;
  const { report } = await reportNow(api, event.params.id);
  const section = sectionIn(report.definition, event.params.sectionId);
  if (section.kind !== 'you-said-we-did') error(404, { message: 'This section has no rows.' });
  const index = event.params.row === 'new' ? null : Number(event.params.row) - 1;
  if (index !== null && !(Number.isInteger(index) && index >= 0 && index < section.rows.length)) {
    error(404, { message: action === 'load' ? 'There is no such row in this section.' : 'That row has been removed already.' });
  }
  return { api, report, section: section as YouSaid, index };
}

export const load: PageServerLoad = async (event) => {
  const { api, report, section, index } = await rowOf(event, 'load');
  const row = index === null ? null : section.rows[index];
  return {
    // A new row's form keeps the version it was first shown at, so sending it again after Back adds no second row.
    report: { id: report.id, title: report.definition.title, version: index === null ? pinnedVersion(event, report.version) : report.version },
    sectionId: section.id,
    rowNumber: index === null ? null : index + 1,
    values: {
      youSaid: row?.youSaid ?? '',
      weDid: row?.weDid ?? '',
      priorityId: row?.priorityId ?? '',
      successMeasureId: row?.successMeasureId ?? '',
      status: row?.status.replace(' ', '-') ?? ''
    },
    strategy: await strategyOptions(api),
    // Radio values (and so ids) without spaces: "in-progress".
    statuses: REPORT_ROW_STATUSES.map((s) => ({ value: s.replace(' ', '-'), label: s.charAt(0).toUpperCase() + s.slice(1) }))
  };
};

async function saveRows(event: RequestEvent, edit: (rows: YouSaid['rows'], index: number | null, form: FormData) => Record<string, string> | null, done: string) {
  const { api, report, section, index } = await rowOf(event, 'save');
  const form = await event.request.formData();
  const version = versionFrom(form);
  const rows = [...section.rows];
  const values = edit(rows, index, form);
  const at = report.definition.sections.findIndex((s) => s.id === section.id);
  const parsed = parseForm(
    ReportSectionSchema,
    { ...section, rows },
    rows.flatMap((_, i) => ROW_FIELDS.map((f) => `rows.${i}.${f}`)),
    'rows'
  );
  if (!parsed.ok) {
    const rowAt = index ?? rows.length - 1;
    // The row's own problems under its fields: rows.N.youSaid is youSaid.
    const errors = parsed.errors.map((e) => ({ ...e, field: ROW_FIELDS.find((f) => e.field === `rows.${rowAt}.${f}`) ?? 'youSaid' }));
    return fail(400, { values, errors });
  }
  const sections = report.definition.sections.map((s, i) => (i === at ? parsed.data : s));
  const saved = await saveReport(api, report.id, version, { ...report.definition, sections });
  if (!saved.ok) {
    if (saved.stale) return fail(409, { values, errors: [], stale: true });
    // The API's problems with this row under its fields (sections.S.rows.R.successMeasureId is successMeasureId).
    const own = `sections.${at}.rows.${index ?? rows.length - 1}.`;
    const mine = (saved.failure.issues ?? []).flatMap((i) => {
      const field = ROW_FIELDS.find((f) => i.field === `${own}${f}`);
      return field ? [{ field, message: i.message }] : [];
    });
    return fail(400, { values, errors: mine.length > 0 ? mine : [{ field: 'youSaid', message: saved.failure.message }] });
  }
  redirect(303, `/staff/reports/${report.id}/sections/${section.id}?done=${done}`);
}

export const actions: Actions = {
  save: (event) =>
    saveRows(
      event,
      (rows, index, form) => {
        const values = Object.fromEntries(ROW_FIELDS.map((f) => [f, textField(form, f).trim()]));
        const row = {
          youSaid: values.youSaid,
          weDid: values.weDid,
          priorityId: values.priorityId,
          ...(values.successMeasureId ? { successMeasureId: values.successMeasureId } : {}),
          status: values.status?.replace('-', ' ')
        } as YouSaid['rows'][number];
        if (index === null) rows.push(row);
        else rows[index] = row;
        return values;
      },
      'row-saved'
    ),
  remove: (event) =>
    saveRows(
      event,
      (rows, index) => {
        if (index !== null) rows.splice(index, 1);
        return null;
      },
      'row-removed'
    )
};
