import type { Handle, ServerInit } from '@sveltejs/kit/hooks';
import { api, startBackgroundCoding } from '#lib/server/api.ts';
import { ConfigError, webConfig } from '#lib/server/config.ts';
import { answerUnreadableFormsWith400, crossSiteRefusal } from '#lib/server/form-guards.ts';

export const init: ServerInit = async () => {
  // A bad setting stops the server now, naming the variable, rather than failing on some later request.
  try {
    webConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[safer-voices] ${error.message}`);
    process.exit(1);
  }
  await startBackgroundCoding();
};

export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    // The client's address lets the API limit sign-in attempts per network.
    // The API refuses cross-site requests itself, in its own error shape.
    return api.fetch(event.request, { clientAddress: event.getClientAddress() });
  }
  answerUnreadableFormsWith400(event.request);
  const response =
    crossSiteRefusal(event) ??
    (await resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang ?? 'en').replace('%dir%', event.locals.dir ?? 'ltr')
    }));
  // Answers must not linger in the browser's cache after "Exit this page"
  // or on a shared school tablet.
  if (event.url.pathname.startsWith('/s/')) response.headers.set('cache-control', 'no-store');
  // Staff pages show people's names and roles: never cached, never indexed.
  if (event.url.pathname === '/staff' || event.url.pathname.startsWith('/staff/')) {
    response.headers.set('cache-control', 'no-store');
    response.headers.set('x-robots-tag', 'noindex, nofollow');
  }
  // Never tell the next site (e.g. after Exit this page) where the respondent
  // was; 'no-referrer' would also blank the Origin of our own form posts.
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  // Pages carry no inline script or style; everything comes from this origin.
  response.headers.set(
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
  );
  return response;
};
