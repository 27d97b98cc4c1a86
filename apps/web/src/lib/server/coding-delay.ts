// Whether answers are waiting too long to be coded (and so to be checked for
// safeguarding concerns), from the API's health check, for the warning on the
// staff home page and the safeguarding queue.
import { client } from './api.ts';

export interface CodingDelay {
  /** How long the oldest uncoded answer has waited. */
  seconds: number;
  /** Whether this server's background coder is running at all. */
  coderRunning: boolean;
}

/** The delay, or null when answers are coded in good time. */
export async function codingDelay(): Promise<CodingDelay | null> {
  const res = await client.api.health.$get();
  // The health check failing is reported by the pages' own API calls; the warning is extra.
  if (!res.ok) return null;
  const { coding } = await res.json();
  return coding.delayed ? { seconds: coding.oldestUncodedSeconds, coderRunning: coding.backgroundCoderRunning } : null;
}
