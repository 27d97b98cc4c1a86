// The network address of the person signing in, used only as an input to the
// rate limit's salted hash. Behind a proxy, ADDRESS_HEADER names the header
// that carries it (as for the web server, e.g. x-forwarded-for; the entry
// added by the nearest proxy, the last, is used because earlier ones can be forged).
import type { Context } from 'hono';
import { config } from '../config';

interface AddressBindings {
  /** Set by a caller that knows the address, e.g. the web app: api.fetch(request, { clientAddress }). */
  clientAddress?: string;
  /** @hono/node-server's raw request, when the API runs on its own. */
  incoming?: { socket?: { remoteAddress?: string } };
}

export function clientAddress(c: Context): string | null {
  const header = config().ADDRESS_HEADER;
  if (header) {
    const entries = (c.req.header(header) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return entries.at(-1) ?? null;
  }
  const bindings = (c.env ?? {}) as AddressBindings;
  return bindings.clientAddress ?? bindings.incoming?.socket?.remoteAddress ?? null;
}
