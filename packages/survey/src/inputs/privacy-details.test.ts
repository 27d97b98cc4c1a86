import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { missingPrivacyDetails, PRIVACY_DETAILS_MESSAGES as M, PrivacySchema } from './privacy-details';
import { characterCount, hasLetterOrDigit, hasVisibleText } from './short-text';

const given = { responsibleOrganisation: 'Norton Hill VRP', privacyContact: 'privacy@example.org', retention: '2 years after the survey closes' };
const messagesFor = (input: unknown) => PrivacySchema.safeParse(input).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

describe('privacy details', () => {
  it('refuses how long answers are kept with no letter or digit, in its own words', () => {
    for (const retention of ['-', '—', '...', '?', '* * *']) expect(messagesFor({ ...given, retention })).toEqual([['retention', M.retentionUnclear]]);
    expect(messagesFor({ ...given, retention: '\u200b\u00a0' })).toEqual([['retention', M.retention]]);
    expect(messagesFor({ ...given, retention: '-'.repeat(301) })).toEqual([['retention', 'How long answers are kept must be 300 characters or fewer']]);
  });

  it('refuses each detail of invisible characters alone as empty', () => {
    const blank = '\u2060\ufeff\u200b';
    expect(messagesFor({ responsibleOrganisation: blank, privacyContact: blank, retention: blank })).toEqual([
      ['responsibleOrganisation', M.responsibleOrganisation],
      ['privacyContact', M.privacyContact],
      ['retention', M.retention]
    ]);
    expect(missingPrivacyDetails({ responsibleOrganisation: blank, privacyContact: null, retention: '2 years' })).toEqual([
      { field: 'responsibleOrganisation', message: M.responsibleOrganisation },
      { field: 'privacyContact', message: M.privacyContact }
    ]);
  });

  it('reads any Unicode without throwing, keeping how long only when it says something', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 320 }), (retention) => {
        const read = PrivacySchema.safeParse({ ...given, retention });
        const kept = retention.trim();
        if (read.success) {
          expect(hasVisibleText(kept) && hasLetterOrDigit(kept) && characterCount(kept) <= 300).toBe(true);
        } else {
          expect(read.error.issues.every((i) => i.path.join('.') === 'retention')).toBe(true);
        }
      }),
      { numRuns: 500 }
    );
  });
});
