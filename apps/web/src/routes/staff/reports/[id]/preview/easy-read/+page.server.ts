import { error } from '@sveltejs/kit';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow } from '#lib/server/reports.ts';
import { easyReadBodyHtml } from '#lib/server/reports-html.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'view', 'see consultation reports');
  const { report, document } = await reportNow(apiAs(event, who).api, event.params.id);
  const html = easyReadBodyHtml(document);
  if (!html) error(404, { message: 'This report has no easy-read version yet.' });
  return { report: { id: report.id, title: report.definition.title }, html };
};
