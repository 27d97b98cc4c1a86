// A questionnaire's privacy details, which respondents read on its start page
// and privacy notice: who is responsible for the answers, whom to contact and
// how long answers are kept. Publishing needs all three. One schema for the
// API and the form that sends them; the same words when publishing finds one
// missing.
import { z } from 'zod';
import { hasLetterOrDigit, hasVisibleText, requiredShortText } from './short-text';

export const PRIVACY_DETAILS_MESSAGES = {
  responsibleOrganisation: 'Enter the organisation responsible for the answers',
  privacyContact: 'Enter a contact for questions and data protection requests',
  retention: 'Enter how long answers are kept',
  /** Text with no letter or digit ("-", "?") says nothing about how long. */
  retentionUnclear: 'Say how long answers are kept, like 2 years after the survey closes'
} as const;
const M = PRIVACY_DETAILS_MESSAGES;

export const PRIVACY_DETAILS = ['responsibleOrganisation', 'privacyContact', 'retention'] as const;
export type PrivacyDetail = (typeof PRIVACY_DETAILS)[number];

/** A line of text respondents read: something visible in it, not so long it stops being a line, no control characters. */
const detail = (empty: string, most: number, what: string) => requiredShortText({ empty, most, what }).refine((s) => !/(?![\t\n\r])\p{Cc}/u.test(s), `${what} must not contain control characters`);

export const PrivacySchema = z.strictObject({
  responsibleOrganisation: detail(M.responsibleOrganisation, 200, 'The organisation'),
  privacyContact: detail(M.privacyContact, 300, 'The contact'),
  retention: detail(M.retention, 300, 'How long answers are kept').refine(hasLetterOrDigit, { message: M.retentionUnclear, when: (payload) => payload.issues.length === 0 })
});
export type PrivacyDetails = z.output<typeof PrivacySchema>;

/** The details not given (nothing visible in them), each with its message, in the form's order. */
export const missingPrivacyDetails = (details: Partial<Record<PrivacyDetail, string | null>>) =>
  PRIVACY_DETAILS.filter((field) => !hasVisibleText(details[field] ?? '')).map((field) => ({ field, message: M[field] }));
