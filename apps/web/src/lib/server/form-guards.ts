// Checks the handle hook makes on every page request before any form action
// runs: the one cross-site rule, shared with the API (apps/api/src/auth/
// cross-site.ts), and a 400 for a form body that cannot be read.
import { isCrossSiteRequest } from '@safer-voices/api';
import { error, type RequestEvent } from '@sveltejs/kit';

const CROSS_SITE = 'This form was not sent from a page of this site, so it was not accepted. Go back to the page and send it from there.';

/** The 403 answer to a form post another site may have made, or null when the request may go on. */
export function crossSiteRefusal(event: Pick<RequestEvent, 'request' | 'url'>): Response | null {
  if (!isCrossSiteRequest(event.request, event.url.origin)) return null;
  // Enhanced forms ask for JSON; an App.Error-shaped body is shown as the reason.
  if (event.request.headers.get('accept') === 'application/json') return Response.json({ message: CROSS_SITE }, { status: 403 });
  return new Response(CROSS_SITE, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Every form action reads its body with request.formData(). A body that is
 * not the form it claims to be (a broken multipart upload, text/plain) is
 * the sender's mistake: a 400 page, not a 500 from inside the action.
 */
export function answerUnreadableFormsWith400(request: Request) {
  const read = request.formData.bind(request);
  request.formData = () => {
    // Reading twice is a mistake of ours: keep its error.
    if (request.bodyUsed) return read();
    return read().catch((cause: unknown) => {
      // The body's own failures (over the size limit, cut off) keep theirs too.
      if (!(cause instanceof TypeError)) throw cause;
      error(400, { message: 'The form could not be read. Please go back and send it again.' });
    });
  };
}
