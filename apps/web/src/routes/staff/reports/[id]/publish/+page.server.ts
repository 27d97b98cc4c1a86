import { error, fail, redirect } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow, versionFrom } from '#lib/server/reports.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'publish', 'publish consultation reports');
  const { report, document } = await reportNow(apiAs(event, who).api, event.params.id);
  if (report.status === 'published') redirect(303, `/staff/reports/${report.id}`);
  const youSaid = document.sections.some((s) => s.blocks.some((b) => b.type === 'youSaidWeDid' && b.rows.length > 0));
  return {
    report: { id: report.id, title: report.definition.title, version: report.version, slug: report.slug, publishedVersion: report.publishedVersion },
    sections: document.sections.map((s) => s.heading),
    hasEasyRead: document.easyRead !== null,
    youSaidPage: youSaid ? `/organisations/${who.organisation.slug}/you-said-we-did` : null
  };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'report', 'publish', 'publish consultation reports');
    const form = await event.request.formData();
    const version = versionFrom(form);
    const res = await apiAs(event, who).api.reports[':id'].publish.$post({ param: { id: event.params.id }, json: { version } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403 || failure.status === 404) error(failure.status, { message: failure.message });
      if (failure.status >= 500) error(500, { message: failure.message });
      return fail(failure.status === 409 ? 409 : 400, { problems: failure.issues?.map((i) => i.message) ?? [failure.message], stale: failure.status === 409 });
    }
    redirect(303, `/staff/reports/${event.params.id}?done=published`);
  }
};
