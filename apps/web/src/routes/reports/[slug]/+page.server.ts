import { publishedReport } from '#lib/server/reports-public.ts';
import { reportBodyHtml } from '#lib/server/reports-html.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const document = await publishedReport(event, event.params.slug);
  return { title: document.title, organisation: document.organisation, html: reportBodyHtml(document), hasEasyRead: document.easyRead !== null };
};
