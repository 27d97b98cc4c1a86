// Page guards from the API's policy table (apps/api/src/policies): a page or
// form action names the noun and action it serves, as the API route it calls
// does, so the two cannot disagree about who may use it.
import { type Action, may, type Noun, rolesFor } from '@safer-voices/api/policies';
import { error, type RequestEvent } from '@sveltejs/kit';
import { requireStaff, type SignedInStaff } from './staff-api.ts';

type StaffEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'>;

/** The refusal for someone without a role the policy names, e.g. "Only staff with the admin role can manage the team." */
export const refusalFor = <N extends Noun>(noun: N, action: Action<N>, what: string) => `Only staff with the ${rolesFor(noun, action).join(' or ')} role can ${what}.`;

/** Signed in (or off to sign in) with a role the policy lets take the action; a 403 page otherwise. `what` says what the page is for. */
export async function requirePolicy<N extends Noun>(event: StaffEvent, noun: N, action: Action<N>, what: string): Promise<SignedInStaff> {
  const who = await requireStaff(event);
  if (!may(who, noun, action)) error(403, { message: refusalFor(noun, action, what) });
  return who;
}
