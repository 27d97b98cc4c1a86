// The one rule against cross-site request forgery, kept by the API (below,
// answering in its JSON error shape) and by the web pages' form actions
// (apps/web/src/hooks.server.ts). Browsers name the page's origin in the
// Origin header of every change they send, except that older ones leave it
// off form posts. So an Origin, when sent, must be this site's own, and a
// form's body must come with one. A request signed with `Authorization:
// Bearer` is exempt: no other site can make a browser add that header (it
// would need a CORS preflight, which this app never grants), so it comes from
// an API client, which may send no Origin at all. Cookie sessions also need
// the X-CSRF-Token header for API changes (guards.ts).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { config } from '../config';
import { ApiError } from '../errors';
import { bearerToken } from './guards';

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The bodies an HTML form can send (its enctypes). */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

const isFormBody = (request: Request) => FORM_TYPES.has(request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '');

/** True when `request` may have been sent by a page of another site than `ownOrigin`, and so must be refused. */
export function isCrossSiteRequest(request: Request, ownOrigin: string): boolean {
  if (!CHANGES.has(request.method) || bearerToken(request.headers.get('authorization'))) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return isFormBody(request);
  return origin !== ownOrigin;
}

interface NodeServerBindings {
  /** Set by @hono/node-server, i.e. only when the API runs on its own (server.ts). */
  incoming?: unknown;
}

const forwarded = (c: Context, header: string | undefined) => (header ? c.req.header(header)?.split(',')[0]?.trim() : undefined) || undefined;

/**
 * The API's origin as the browser sees it. Inside the web server the
 * request's URL says so already (adapter-node reads ORIGIN or the proxy's
 * headers). On its own, the API sees the connection, plain http behind a
 * TLS-terminating proxy, so it reads PROTOCOL_HEADER and HOST_HEADER as the
 * web server does.
 */
function ownOrigin(c: Context): string {
  const url = new URL(c.req.url);
  if (!(c.env as NodeServerBindings | undefined)?.incoming) return url.origin;
  const { PROTOCOL_HEADER, HOST_HEADER } = config();
  const protocol = forwarded(c, PROTOCOL_HEADER) ?? url.protocol.slice(0, -1);
  return `${protocol}://${forwarded(c, HOST_HEADER) ?? url.host}`;
}

export const refuseCrossSiteRequests = createMiddleware(async (c, next) => {
  if (isCrossSiteRequest(c.req.raw, ownOrigin(c))) {
    throw new ApiError(
      403,
      'cross_site_request',
      'This change did not come from a page of this site (its Origin header is missing or names another site), so it was refused. API clients sign their requests with Authorization: Bearer.'
    );
  }
  await next();
});
