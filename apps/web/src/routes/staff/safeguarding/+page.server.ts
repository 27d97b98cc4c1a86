import { allFlags, LEAD_ONLY } from '#lib/components/safeguarding/queue.server.ts';
import { isStatus, STATUSES } from '#lib/components/safeguarding/statuses.ts';
import { tierCounts } from '#lib/components/safeguarding/tiers.ts';
import { codingDelay } from '#lib/server/coding-delay.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import type { PageServerLoad } from './$types';

// One read of the whole queue (one audit entry) gives both the counts for every status and the list shown,
// already in the queue's order: likely disclosures, then unchecked answers, then possible ones, newest first in each.
export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'flag', 'handle', LEAD_ONLY);
  const asked = event.url.searchParams.get('status');
  const status = isStatus(asked) ? asked : 'new';
  const [flags, delay] = await Promise.all([allFlags(event, who), codingDelay()]);
  const shown = flags.filter((f) => f.status === status);
  const counts = Object.fromEntries(STATUSES.map((s) => [s.value, flags.filter((f) => f.status === s.value).length]));
  return {
    organisation: who.organisation.name,
    status,
    counts,
    newFlags: counts.new ?? 0,
    tiers: tierCounts(shown),
    codingDelay: delay,
    flags: shown
  };
};
