// Reading the safeguarding queue from the API on behalf of a safeguarding lead.
import { may } from '@safer-voices/api/policies';
import { error, type RequestEvent } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { apiAs, type SignedInStaff } from '#lib/server/staff-api.ts';

type Event = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'>;

export const LEAD_ONLY = 'see the safeguarding queue';

/** How many flags wait for a first look: shown in the header link and the queue's heading. */
export async function newFlagCount(event: Event, who: SignedInStaff): Promise<number | null> {
  if (!may(who, 'flag', 'handle')) return null;
  const res = await apiAs(event, who).api.safeguarding.flags.$get({ query: { status: 'new' } });
  if (!res.ok) return null; // the count is a convenience; the queue page itself reports failures
  return (await res.json()).flags.length;
}

export async function allFlags(event: Event, who: SignedInStaff) {
  const res = await apiAs(event, who).api.safeguarding.flags.$get({ query: {} });
  if (!res.ok) {
    const failure = await failureOf(res);
    if (failure.status === 403) error(403, { message: failure.message });
    throw new Error(`GET /api/safeguarding/flags answered ${failure.status}`);
  }
  return (await res.json()).flags;
}

export async function oneFlag(event: Event, who: SignedInStaff, id: string) {
  const res = await apiAs(event, who).api.safeguarding.flags[':id'].$get({ param: { id } });
  if (!res.ok) {
    const failure = await failureOf(res);
    if (failure.status === 403) error(403, { message: failure.message });
    if (failure.status === 404 || failure.status === 400) error(404, { message: 'There is no such safeguarding flag.' });
    throw new Error(`GET /api/safeguarding/flags/:id answered ${failure.status}`);
  }
  return (await res.json()).flag;
}
