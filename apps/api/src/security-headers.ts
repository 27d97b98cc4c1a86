// Headers on every API answer, errors and downloads included. Answers carry
// what must not linger anywhere: the safeguarding queue holds disclosures in
// full, review and the explorer hold answers, the workbook their figures. So
// nothing is stored by the browser or a proxy, and an answer opened in a tab
// is inert: never run as a script or style, never framed, never sniffed.
// The one exception is what a route marks public itself (a published
// podcast's audio, unchanging under its address), which proxies may keep.
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';

const hardened = secureHeaders({
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  xFrameOptions: 'DENY',
  // As for the pages, https and its HSTS are the deployment's proxy to decide.
  strictTransportSecurity: false
});

export const securityHeaders = createMiddleware(async (c, next) => {
  await hardened(c, next);
  if (!/^public\b/.test(c.res.headers.get('cache-control') ?? '')) c.res.headers.set('cache-control', 'no-store');
});
