import { checkReceipt, publishedVote } from '#lib/server/votes-public.ts';
import type { PageServerLoad } from './$types';

// A plain GET form: the code is in the address, so the answer can be bookmarked or shared and works without JavaScript.
export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
  const vote = await publishedVote(params.slug);
  setHeaders({ 'cache-control': 'private, no-cache' });
  const asked = url.searchParams.has('receipt');
  const receipt = url.searchParams.get('receipt')?.trim().slice(0, 40) ?? '';
  const base = { vote: { slug: vote.slug, title: vote.title }, receipt };
  if (!asked) return { ...base, check: null, errors: [] };
  if (!receipt) return { ...base, check: null, errors: [{ field: 'receipt', message: 'Enter your receipt code, like ABCDE-FGHJK' }] };
  const check = await checkReceipt(vote.slug, receipt);
  return check.found ? { ...base, check, errors: [] } : { ...base, check: null, errors: check.errors };
};
