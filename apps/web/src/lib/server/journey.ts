// Where a respondent is in a survey: the questionnaire version they started
// and their answers so far, found through the session cookie.
import type { QuestionnaireDetails } from '@safer-voices/api';
import type { Answers } from '@safer-voices/survey';
import { type Cookies, error, redirect } from '@sveltejs/kit';
import { client, failureOf } from './api.ts';
import { endSession, markSent, sentHere, sentMarker, sessionToken, withoutDraft } from './session.ts';

export async function loadQuestionnaire(slug: string): Promise<QuestionnaireDetails> {
  const res = await client.api.questionnaires[':slug'].$get({ param: { slug } });
  if (res.ok) return (await res.json()) as QuestionnaireDetails;
  const failure = await failureOf(res);
  error(failure.status === 404 || failure.status === 400 ? 404 : 500, { message: 'This survey could not be found. Check the link you were given.' });
}

export interface Journey {
  token: string;
  answers: Answers;
  questionnaire: QuestionnaireDetails;
}

/**
 * The respondent's draft for this survey; else "already sent" when this browser just sent it, or back to its start page.
 * With `resent` (sending): the same answers sent again, by a second click on Send or by going Back and sending again,
 * go to `resent` (the thank-you page) instead, as the first sending did: the session's draft has just been stored as a
 * response (the submission's key is the session's), or this browser has just sent answers to this survey.
 */
export async function requireJourney(cookies: Cookies, url: URL, slug: string, resent?: string): Promise<Journey> {
  const token = sessionToken(cookies);
  if (token) {
    const res = await client.api.drafts[':token'].$get({ param: { token } });
    if (res.ok) {
      const body = (await res.json()) as { answers: Answers; questionnaire: QuestionnaireDetails };
      if (body.questionnaire.slug === slug) return { token, ...body };
    } else {
      endSession(cookies, url);
      // No draft: sending it again only finds the response it became (a double click racing the first sending).
      if (resent && res.status === 404 && (await client.api.drafts[':token'].submit.$post({ param: { token } })).ok) {
        markSent(cookies, url, slug);
        redirect(303, resent);
      }
    }
  }
  const marker = sentMarker(cookies);
  redirect(303, resent && sentHere(marker, slug) ? resent : withoutDraft(slug, marker));
}
