import { fail, redirect } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { defaultHeading, kindLabel, pinnedVersion, reportNow, saveReport, sectionIn, versionFrom } from '#lib/server/reports.ts';
import { measureOptions, strategyOptions, themeOptions } from '#lib/server/reports-choices.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';
import { readSectionForm, sectionErrorsFrom } from './section-form.server.ts';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const api = apiAs(event, who).api;
  const { report, document } = await reportNow(api, event.params.id);
  const section = sectionIn(report.definition, event.params.sectionId);
  const resolved = document.sections.find((s) => s.id === section.id) ?? null;
  const [measures, strategy, themes] = await Promise.all([
    section.kind === 'safety' ? measureOptions(api, report.definition.covers.seriesId) : [],
    section.kind === 'safety' || section.kind === 'you-said-we-did' ? strategyOptions(api) : { priorities: [], successMeasures: [] },
    section.kind === 'themes' ? themeOptions(api) : []
  ]);
  return {
    // Pinned in the address: removing a row, Back, and removing again removes no second row.
    report: { id: report.id, title: report.definition.title, version: pinnedVersion(event, report.version), seriesId: report.definition.covers.seriesId ?? null },
    section,
    kindLabel: kindLabel(section.kind),
    defaultHeading: defaultHeading(section.kind),
    heading: resolved?.heading ?? kindLabel(section.kind),
    // The methodology as it will read, filled in from today's figures.
    filledIn: section.kind === 'methodology' ? (resolved?.blocks ?? []) : [],
    measures,
    strategy,
    themes,
    done: event.url.searchParams.get('done')
  };
};

export const actions: Actions = {
  save: async (event) => {
    const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
    const api = apiAs(event, who).api;
    const form = await event.request.formData();
    const version = versionFrom(form);
    const { report } = await reportNow(api, event.params.id);
    const current = sectionIn(report.definition, event.params.sectionId);
    const { values, section, errors } = readSectionForm(current, form);
    if (!section) return fail(400, { values, errors });
    const index = report.definition.sections.findIndex((s) => s.id === current.id);
    const sections = report.definition.sections.map((s, i) => (i === index ? section : s));
    const saved = await saveReport(api, report.id, version, { ...report.definition, sections });
    if (!saved.ok) return saved.stale ? fail(409, { values, errors: [], stale: true }) : fail(400, { values, errors: sectionErrorsFrom(saved.failure, index) });
    // Themes go on to choosing quotes for each; the others back to the report.
    redirect(303, section.kind === 'themes' ? `/staff/reports/${report.id}/sections/${section.id}?done=saved` : `/staff/reports/${report.id}?done=saved`);
  }
};
