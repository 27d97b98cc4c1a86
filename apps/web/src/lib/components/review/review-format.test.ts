import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTAINTY_BANDS, certaintyBand, certaintyInWords, likelihoodInWords, queueInWords } from './review-format.ts';

describe('how sure the coder is, in words', () => {
  it('names the band and what it means, with no percentage', () => {
    expect(certaintyInWords(0.95)).toBe('The coder is very sure about this answer: it expects all its theme choices for answers like this to be right at least 9 times in 10.');
    expect(certaintyInWords(0.75)).toContain('fairly sure');
    expect(certaintyInWords(0.12)).toContain('doubtful');
    expect(certaintyBand(0.7).words).toBe('fairly sure');
    expect(certaintyBand(0.5).words).toBe('unsure');
    expect(likelihoodInWords(0.93)).toBe('very likely');
    expect(likelihoodInWords(0.55)).toBe('more likely than not');
  });

  it('gives a sentence from the bands for any number, never a percentage', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.double({ min: 0, max: 1 })), (c) => {
        const sentence = certaintyInWords(c);
        expect(CERTAINTY_BANDS.some((b) => sentence.includes(b.words) && sentence.includes(b.odds))).toBe(true);
        expect(sentence).not.toMatch(/%|NaN|undefined/);
        expect(likelihoodInWords(c)).not.toMatch(/%|NaN|undefined/);
      })
    );
  });

  it('puts a higher certainty in the same band or a surer one', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const rank = (c: number) => CERTAINTY_BANDS.indexOf(certaintyBand(c));
        if (a <= b) expect(rank(a)).toBeGreaterThanOrEqual(rank(b));
      })
    );
  });
});

describe("the queue's counts in words", () => {
  it('say what is left and its two parts, which add up', () => {
    const words = queueInWords({ left: 3476, askedToCheck: 1735, notAskedToCheck: 1741, decided: 12 });
    expect(words.headline).toBe('3,476 answers left to review, 12 decided.');
    expect(words.detail).toBe('First the 1,735 answers the coder asked you to check, then the 1,741 answers it coded without asking, least sure first.');
    expect(queueInWords({ left: 1, askedToCheck: 1, notAskedToCheck: 0, decided: 0 }).detail).toBe('The coder asked you to check it.');
    expect(queueInWords({ left: 5, askedToCheck: 0, notAskedToCheck: 5, decided: 0 }).detail).toBe('The coder coded all of them without asking you to check; the least sure come first.');
    expect(queueInWords({ left: 0, askedToCheck: 0, notAskedToCheck: 0, decided: 9 })).toEqual({ headline: '0 answers left to review, 9 decided.', detail: '' });
  });

  it('never names a number that is not one of the counts', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.nat(100_000), (asked, rest, decided) => {
        const { headline, detail } = queueInWords({ left: asked + rest, askedToCheck: asked, notAskedToCheck: rest, decided });
        const numbers = `${headline} ${detail}`.match(/\d[\d,]*/g)?.map((n) => Number(n.replace(/,/g, ''))) ?? [];
        for (const n of numbers) expect([asked + rest, asked, rest, decided]).toContain(n);
        expect(numbers[0]).toBe(asked + rest);
      })
    );
  });
});
