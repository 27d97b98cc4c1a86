import { error } from '@sveltejs/kit';
import { checkReceipt, publishedVote } from '#lib/server/votes-public.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
  const vote = await publishedVote(params.slug);
  const receipt = url.searchParams.get('receipt')?.slice(0, 40) ?? '';
  const check = receipt ? await checkReceipt(vote.slug, receipt) : null;
  if (!check?.found) error(404, { message: 'There is no vote with this receipt code. Check the address, or check your code on the vote’s page.' });
  setHeaders({ 'cache-control': 'private, no-cache' });
  // `changed`: the vote was sent again naming another podcast, and the first one stands (said without naming either).
  return { vote: { slug: vote.slug, title: vote.title }, receipt: check.receipt, status: check.status, reason: check.reason, changed: url.searchParams.get('changed') === '1' };
};
