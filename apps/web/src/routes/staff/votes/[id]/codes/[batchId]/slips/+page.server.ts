import { normaliseVotingCode } from '@safer-voices/survey';
import { error } from '@sveltejs/kit';
import { webConfig } from '#lib/server/config.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { qrSvg } from '#lib/server/votes-staff-qr.ts';
import { requireVotePolicy, voteAddress, voteFor, votesApi } from '#lib/server/votes-staff.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'view');
  const vote = await voteFor(event, who, event.params.id);
  const res = await votesApi(event, who)[':id']['code-batches'].$get({ param: { id: vote.id } });
  if (!res.ok) return unexpected(res, 'Reading voting codes');
  const batch = (await res.json()).batches.find((b) => b.id === event.params.batchId);
  if (!batch) error(404, { message: 'There is no such batch of codes in this vote' });
  const address = voteAddress(webConfig().PUBLIC_URL, vote.slug);
  const unused = batch.codes.filter((c) => !c.used);
  return {
    vote: { id: vote.id, title: vote.title },
    batch: { id: batch.id, label: batch.label, used: batch.used, codes: batch.codes.length },
    // The address as people type it: without the scheme.
    shortAddress: address.replace(/^https?:\/\//, ''),
    slips: await Promise.all(
      unused.map(async (c) => ({
        code: c.code,
        qr: await qrSvg(`${address}?code=${normaliseVotingCode(c.code)}`, `QR code: opens the vote with the code ${c.code} filled in`)
      }))
    )
  };
};
