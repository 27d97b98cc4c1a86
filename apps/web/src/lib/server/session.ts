// The respondent's anonymous session: a random token in an httpOnly cookie
// with no expiry date, so it ends when the browser closes.
import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'sv_session';

export function sessionToken(cookies: Cookies): string | undefined {
  return cookies.get(COOKIE);
}

export function startSession(cookies: Cookies, url: URL, token: string) {
  cookies.set(COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export function endSession(cookies: Cookies, url: URL) {
  cookies.delete(COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

// After sending, a second cookie says only which survey this browser has just
// sent answers to (its address, nothing about the person), until the browser
// closes: so going Back to a page of that survey says the answers were sent,
// not that they were cleared. Starting again or Exit this page removes it.
const SENT = 'sv_sent';

/** Whether the sent-marker cookie's value names this survey. */
export const sentHere = (marker: string | undefined, slug: string): boolean => marker !== undefined && marker !== '' && marker === slug;

/** Where a page of a survey goes when there is no draft: "already sent" when this browser just sent answers to it, else the start page saying they were cleared. */
export const withoutDraft = (slug: string, marker: string | undefined): string => (sentHere(marker, slug) ? `/s/${slug}/sent` : `/s/${slug}?expired=1`);

export function markSent(cookies: Cookies, url: URL, slug: string) {
  cookies.set(SENT, slug, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export const sentMarker = (cookies: Cookies): string | undefined => cookies.get(SENT);

export function forgetSent(cookies: Cookies, url: URL) {
  if (cookies.get(SENT) !== undefined) cookies.delete(SENT, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}
