// The old per-questionnaire Themes page is retired: theme prevalence is shown
// only by the explorer, under its differencing rule, so bookmarks and links
// go to the explorer's view of the same questionnaire (and question).
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url }) => {
  const question = url.searchParams.get('question');
  const query = question ? `?${new URLSearchParams({ question })}` : '';
  redirect(308, `/staff/analysis/${encodeURIComponent(params.id)}${query}`);
};
