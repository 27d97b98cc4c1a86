import { may } from '@safer-voices/api/policies';
import { webConfig } from '#lib/server/config.ts';
import { formatBytes, formatDuration, requireVotePolicy, voteAddress, voteFor } from '#lib/server/votes-staff.ts';
import type { PageServerLoad } from './$types';

const DONE = ['created', 'changed', 'added', 'entry-changed', 'published', 'taken-down', 'results-published'] as const;

export const load: PageServerLoad = async (event) => {
  const who = await requireVotePolicy(event, 'view');
  const vote = await voteFor(event, who, event.params.id);
  const done = event.url.searchParams.get('done');
  return {
    organisation: who.organisation.name,
    vote: {
      ...vote,
      entries: vote.entries.map((e) => ({ ...e, audio: e.audio && { ...e.audio, size: formatBytes(e.audio.bytes), length: formatDuration(e.audio.durationMs) } }))
    },
    address: voteAddress(webConfig().PUBLIC_URL, vote.slug),
    canEdit: may(who, 'vote', 'edit'),
    canPublish: may(who, 'vote', 'publish'),
    canReview: may(who, 'vote', 'review'),
    done: DONE.find((d) => d === done) ?? null
  };
};
