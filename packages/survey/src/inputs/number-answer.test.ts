import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiDigits, parseNumberAnswer } from './number-answer';

/**
 * Each numbering system the runtime's Intl knows whose digits are decimal
 * digits (\p{Nd}), as its ten digits 0–9: an independent record of which
 * character is which digit (Arabic-Indic, Persian, Devanagari, Bengali,
 * full-width, Thai, Myanmar, mathematical bold…).
 */
const SYSTEMS: string[][] = Intl.supportedValuesOf('numberingSystem')
  .map((system) => Array.from({ length: 10 }, (_, d) => new Intl.NumberFormat(`en-u-nu-${system}`, { useGrouping: false }).format(d)))
  .filter((digits) => digits.every((d) => /^\p{Nd}$/u.test(d)));

/** Every decimal digit Unicode has, in every script. */
const ALL_DIGITS: string[] = [];
for (let code = 0; code <= 0x10ffff; code++) {
  const c = String.fromCodePoint(code);
  if (/\p{Nd}/u.test(c)) ALL_DIGITS.push(c);
}

describe('parseNumberAnswer', () => {
  it('reads digits of other scripts as the plain number', () => {
    expect(parseNumberAnswer('١٥')).toBe(15);
    expect(parseNumberAnswer('۱۵')).toBe(15);
    expect(parseNumberAnswer('१५')).toBe(15);
    expect(parseNumberAnswer('১৫')).toBe(15);
    expect(parseNumberAnswer('１５')).toBe(15);
    expect(parseNumberAnswer('\u{1d7cf}\u{1d7d3}')).toBe(15);
  });

  it('reads the Arabic decimal and thousands separators, direction marks and spaces', () => {
    expect(parseNumberAnswer('١٢٫٥')).toBe(12.5);
    expect(parseNumberAnswer('١٬٠٠٠')).toBe(1000);
    expect(parseNumberAnswer('\u200f١٥\u200f')).toBe(15);
    expect(parseNumberAnswer(' 1 000 ')).toBe(1000);
    expect(parseNumberAnswer('-٣')).toBe(-3);
  });

  it('refuses what is not a number in digits', () => {
    for (const text of ['', 'fifteen', '0x10', '1e3', '1.', '.5', '١٥a', '--1', '1.2.3', 'Ⅻ', '²']) expect(parseNumberAnswer(text)).toBeUndefined();
  });

  it('knows the numbering systems it is checked against', () => {
    expect(SYSTEMS.length).toBeGreaterThan(40);
    expect(ALL_DIGITS.length % 10).toBe(0);
  });

  it('reads any string of up to six digits, each in any script, as its ASCII form', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ digit: fc.integer({ min: 0, max: 9 }), system: fc.constantFrom(...SYSTEMS) }), { minLength: 1, maxLength: 6 }), (digits) => {
        const ascii = digits.map((d) => String(d.digit)).join('');
        const typed = digits.map((d) => d.system[d.digit]).join('');
        expect(asciiDigits(typed)).toBe(ascii);
        expect(parseNumberAnswer(typed)).toBe(Number(ascii));
      })
    );
  });

  it('reads any string of up to six Unicode decimal digits as a whole number of that many digits', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALL_DIGITS), { minLength: 1, maxLength: 6 }), (digits) => {
        const ascii = asciiDigits(digits.join(''));
        expect(ascii).toMatch(/^[0-9]{1,6}$/);
        expect(ascii).toHaveLength(digits.length);
        expect(parseNumberAnswer(digits.join(''))).toBe(Number(ascii));
      })
    );
  });

  it('never throws on any Unicode, and gives a finite number or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const n = parseNumberAnswer(text);
        if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });
});
