import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentHere, withoutDraft } from './session.ts';

describe('a survey page with no draft', () => {
  it('says the answers were sent when this browser just sent answers to this survey', () => {
    expect(withoutDraft('feeling-safe-8-11', 'feeling-safe-8-11')).toBe('/s/feeling-safe-8-11/sent');
  });

  it('says the answers were cleared when nothing was sent, or another survey was', () => {
    expect(withoutDraft('feeling-safe-8-11', undefined)).toBe('/s/feeling-safe-8-11?expired=1');
    expect(withoutDraft('feeling-safe-8-11', 'youth-safety-11-19')).toBe('/s/feeling-safe-8-11?expired=1');
    expect(withoutDraft('feeling-safe-8-11', '')).toBe('/s/feeling-safe-8-11?expired=1');
  });

  it('reads any cookie value as "sent" only when it is exactly this survey’s address', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), (marker, slug) => {
        expect(sentHere(marker, slug)).toBe(marker === slug);
        expect(sentHere(slug, slug)).toBe(true);
      })
    );
  });
});
