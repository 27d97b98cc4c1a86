// "Are you sure?" before a section goes: its text or choices go with it (the
// report's earlier versions keep them, but the builder cannot bring them back).
import { fail, redirect } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow, saveReport, sectionIn, versionFrom } from '#lib/server/reports.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
  const { report, document } = await reportNow(apiAs(event, who).api, event.params.id);
  const section = sectionIn(report.definition, event.params.sectionId);
  return {
    report: { id: report.id, title: report.definition.title, version: report.version },
    section,
    heading: document.sections.find((s) => s.id === section.id)?.heading ?? section.heading ?? section.kind
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'report', 'edit', 'change consultation reports');
    const api = apiAs(event, who).api;
    const version = versionFrom(await event.request.formData());
    const { report } = await reportNow(api, event.params.id);
    const sections = report.definition.sections.filter((s) => s.id !== event.params.sectionId);
    // Already gone (removed in another tab): nothing to save.
    if (sections.length < report.definition.sections.length) {
      const saved = await saveReport(api, report.id, version, { ...report.definition, sections });
      if (!saved.ok) return saved.stale ? fail(409, { stale: true }) : fail(400, { problem: saved.failure.message });
    }
    redirect(303, `/staff/reports/${report.id}?done=removed`);
  }
};
