// The generated easy-read sentences: grammatical short sentences from each
// measure's name and headline, and the author's "we did" words as typed.
import { HEADLINES } from '@safer-voices/survey';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasureLine } from '../measures/waves-view';
import { EASY_READ_MAX_WORDS, generatedEasyRead, levelClause } from './resolve-easy-read';

/** A measure whose newest wave shows `percent`, with only what the easy-read version reads. */
const line = (measure: string, name: string, headline: string, percent: number): MeasureLine =>
  ({ key: measure, measure, name, headline, figures: [{ shown: true, percent, base: 100 }], steps: [] }) as unknown as MeasureLine;

const easy = (measures: MeasureLine[], weDid = 'Put up lights') =>
  generatedEasyRead({ title: 'Feeling safe 2026', measures, themes: [], rows: [{ youSaid: 'x', weDid, priority: 'Safer parks', measure: null, status: 'done' }], threshold: 10 });

describe('the generated easy-read findings', () => {
  it('says what people said in a sentence, not the headline pasted after "said"', () => {
    const { findings } = easy([
      line('avoid_places', 'Avoids a place', '% who avoid at least one place', 81),
      line('safe_area_after_dark', 'Safe after dark', '% very, fairly or quite safe', 64),
      line('carried_weapon', 'Carried a weapon', '% yes', 12)
    ]);
    expect(findings).toEqual(['81 in 100 of you said you avoid at least one place.', '64 in 100 of you said you feel safe after dark.', '12 in 100 of you said you carried a weapon.']);
  });

  it('reads every standard headline as a sentence, a grid row named first', () => {
    const sentences = Object.values(HEADLINES).map((h) => {
      const clause = levelClause(h.name, h.label);
      expect(clause, h.name).not.toBeNull();
      return `50 in 100 of you said ${clause?.said}.`;
    });
    expect(sentences).toContain('50 in 100 of you said you changed what you do to stay safe.');
    expect(sentences).toContain('50 in 100 of you said knife crime is a major problem.');
    expect(sentences).toContain('50 in 100 of you said you are worried about crime in the area.');
    for (const s of sentences) expect(s).not.toMatch(/ said (who|%|very|yes|a major)\b|\bthey\b/);
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(HEADLINES)), fc.string({ minLength: 1, maxLength: 40 }), (h, row) => {
        const clause = levelClause(`${h.name}: ${row}`, h.label);
        expect(clause?.row).toBe(row.trim());
        expect(clause?.said).not.toMatch(/%|\bwho\b/);
      })
    );
  });

  it('keeps every finding short, whatever a grid row is called', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.entries(HEADLINES)), fc.string({ maxLength: 200 }), fc.integer({ min: 0, max: 100 }), ([measure, h], row, percent) => {
        for (const s of easy([line(measure, `${h.name}: ${row}`, h.label, percent)]).findings) expect(s.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(EASY_READ_MAX_WORDS);
      })
    );
  });
});

describe('what will happen', () => {
  it("keeps the author's words as typed", () => {
    expect(easy([], 'Funded youth club.').next).toEqual(['We have done this: Funded youth club.']);
    expect(easy([], 'BANES youth workers on the buses').next).toEqual(['We have done this: BANES youth workers on the buses.']);
  });
});
