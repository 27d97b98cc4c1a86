import { may } from '@safer-voices/api/policies';
import { ReportSectionSchema } from '@safer-voices/survey';
import { fail, redirect } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { newSectionId, pinnedVersion, reportNow, SECTION_KINDS, saveReport, versionFrom } from '#lib/server/reports.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** What the notice after a change says, by the `done` the change redirects with. */
const DONE: Record<string, string> = {
  created: 'Report created. Add, change and order its sections below.',
  saved: 'Section saved.',
  added: 'Section added.',
  moved: 'Section moved.',
  removed: 'Section removed.',
  'easy-read': 'Easy-read version saved.'
};

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'view', 'see consultation reports');
  const { report, document, omitted } = await reportNow(apiAs(event, who).api, event.params.id);
  const headings = Object.fromEntries(document.sections.map((s) => [s.id, s.heading]));
  const done = event.url.searchParams.get('done') ?? '';
  return {
    report,
    // The version the page's forms change (pinned in the address: see pinnedVersion).
    formVersion: may(who, 'report', 'edit') ? pinnedVersion(event, report.version) : report.version,
    headings,
    omitted,
    canEdit: may(who, 'report', 'edit'),
    canPublish: may(who, 'report', 'publish'),
    kinds: SECTION_KINDS.map((k) => ({ value: k.value, label: k.label, hint: k.hint })),
    done: DONE[done] ?? null,
    published: done === 'published'
  };
};

/** Reads the form, changes the sections, saves; a 409 becomes the "someone else saved" notice. */
async function change(event: Parameters<Actions[string]>[0], edit: (sections: ReturnType<typeof ReportSectionSchema.parse>[], form: FormData) => string | null, done: string) {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const api = apiAs(event, who).api;
  const form = await event.request.formData();
  const version = versionFrom(form);
  const { report } = await reportNow(api, event.params.id);
  const sections = [...report.definition.sections];
  const problem = edit(sections, form);
  if (problem) return fail(400, { problem });
  const saved = await saveReport(api, report.id, version, { ...report.definition, sections });
  if (!saved.ok) return saved.stale ? fail(409, { stale: true }) : fail(400, { problem: saved.failure.message });
  redirect(303, `/staff/reports/${report.id}?done=${done}`);
}

export const actions: Actions = {
  add: (event) =>
    change(
      event,
      (sections, form) => {
        const kind = textField(form, 'kind');
        if (!SECTION_KINDS.some((k) => k.value === kind)) return 'Choose the kind of section to add';
        if (sections.length >= 20) return 'A report can have at most 20 sections';
        sections.push(ReportSectionSchema.parse({ id: newSectionId(sections, kind), kind }));
        return null;
      },
      'added'
    ),
  move: (event) =>
    change(
      event,
      (sections, form) => {
        const at = sections.findIndex((s) => s.id === textField(form, 'sectionId'));
        const to = at + (textField(form, 'direction') === 'up' ? -1 : 1);
        if (at < 0 || to < 0 || to >= sections.length) return 'That section cannot move that way';
        [sections[at], sections[to]] = [sections[to] as (typeof sections)[number], sections[at] as (typeof sections)[number]];
        return null;
      },
      'moved'
    )
};
