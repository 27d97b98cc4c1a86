import type { Handle } from '@sveltejs/kit';
import { api } from '#lib/server/api';

export const handle: Handle = async ({ event, resolve }) => {
  if (event.url.pathname === '/api' || event.url.pathname.startsWith('/api/')) {
    return api.fetch(event.request);
  }
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang ?? 'en')
  });
  // Answers must not linger in the browser's cache after "Exit this page"
  // or on a shared school tablet.
  if (event.url.pathname.startsWith('/s/')) response.headers.set('cache-control', 'no-store');
  response.headers.set('referrer-policy', 'no-referrer');
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('x-frame-options', 'DENY');
  return response;
};
