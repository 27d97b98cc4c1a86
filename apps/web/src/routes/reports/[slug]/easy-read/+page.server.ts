import { error } from '@sveltejs/kit';
import { easyReadBodyHtml } from '#lib/server/reports-html.ts';
import { publishedReport } from '#lib/server/reports-public.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const document = await publishedReport(event, event.params.slug);
  const html = easyReadBodyHtml(document);
  if (!html) error(404, { message: 'This report has no easy-read version.' });
  return { title: document.easyRead?.title ?? `${document.title}: easy read`, organisation: document.organisation, html };
};
