// The API's side of the policy table: a route names the noun and action it
// serves, and is refused (401 signed out, 403 without a role) otherwise. The
// middleware carries its noun and action so a test can check that every route
// names one.
import { requireRole } from '../auth/guards';
import { type Action, type Noun, rolesFor } from './index';

export const POLICY_OF = Symbol('policy');

export interface PolicyTag {
  noun: Noun;
  action: string;
}

export function requirePolicy<N extends Noun>(noun: N, action: Action<N>) {
  const guard = requireRole(...rolesFor(noun, action));
  return Object.assign(guard, { [POLICY_OF]: { noun, action } satisfies PolicyTag });
}

export const policyOf = (handler: unknown): PolicyTag | undefined => (handler as { [POLICY_OF]?: PolicyTag } | null)?.[POLICY_OF];
