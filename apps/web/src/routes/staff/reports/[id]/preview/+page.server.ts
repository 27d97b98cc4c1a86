import { may } from '@safer-voices/api/policies';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { reportNow } from '#lib/server/reports.ts';
import { reportBodyHtml } from '#lib/server/reports-html.ts';
import { themeOptions } from '#lib/server/reports-choices.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'report', 'view', 'see consultation reports');
  const api = apiAs(event, who).api;
  const { report, document, omitted } = await reportNow(api, event.params.id);
  const themes = omitted.length > 0 ? await themeOptions(api).catch(() => []) : [];
  return {
    report: { id: report.id, title: report.definition.title, version: report.version, status: report.status },
    html: reportBodyHtml(document),
    hasEasyRead: document.easyRead !== null,
    omitted: omitted.map((o) => ({ theme: themes.find((t) => t.value === o.themeId)?.label ?? o.themeId, reason: o.reason })),
    canPublish: may(who, 'report', 'publish')
  };
};
