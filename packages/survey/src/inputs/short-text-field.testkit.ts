// Checks, for the tests of each input schema, that one of its short-text
// fields follows the rule in short-text.ts as a person would notice it: an
// emoji family is one character at the limit, invisible characters alone are
// empty, a right-to-left override is not stored, and any Unicode at all is
// read without throwing.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { characterCount, hasVisibleText } from './short-text';

export interface ShortTextField {
  /** The schema the form and the API route check with. */
  schema: z.ZodType;
  /** An input the schema accepts. */
  valid: Record<string, unknown>;
  /** The field under test, by its path. */
  field: string;
  /** The message for nothing visible; left out for an optional field. */
  empty?: string;
  /** The most characters allowed, and the message past it. */
  most: number;
  tooLong: string;
}

const FAMILY = '👩‍👩‍👧';
const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const BLANKS = [' ', '\u00a0', '\u200b', '\u2060', '\ufeff', '\u3164', '\u115f', '\u2800'];

export function checkShortTextField({ schema, valid, field, empty, most, tooLong }: ShortTextField) {
  const parse = (text: unknown) => schema.safeParse({ ...valid, [field]: text });
  const stored = (text: unknown) => {
    const read = parse(text);
    return read.success ? (read.data as Record<string, unknown>)[field] : undefined;
  };
  const problems = (text: unknown) => parse(text).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it(`counts “${FAMILY}” as one character, so ${most} of them fit and ${most + 1} do not`, () => {
    expect(stored(FAMILY.repeat(most))).toBe(FAMILY.repeat(most));
    expect(stored(`Team ${FAMILY}`)).toBe(`Team ${FAMILY}`);
    expect(problems(FAMILY.repeat(most + 1))).toEqual([[field, tooLong]]);
    expect(problems('x'.repeat(most + 1))).toEqual([[field, tooLong]]);
  });

  if (empty !== undefined)
    it('refuses invisible characters alone, zero-width spaces and Hangul fillers too, as empty', () => {
      for (const text of ['', '   ', '\u200b', '\u3164', '\u2800', '\u200b\u00a0\u2060\ufeff', '\u202e', '\u2066 \u2069']) expect(problems(text), JSON.stringify(text)).toEqual([[field, empty]]);
      expect(problems(undefined)).toEqual([[field, empty]]);
    });
  else
    it('stores blank as nothing', () => {
      expect(stored('   ')).toBe('');
      expect(stored('\u202e ')).toBe('');
    });

  it('stores text with a right-to-left override as typed, not reversed', () => {
    expect(stored('\u202eTeam exe.txt')).toBe('Team exe.txt');
    expect(stored(' \u2067مرحبا\u2069 world \u202c')).toBe('مرحبا world');
  });

  it('reads any Unicode without throwing, and keeps only visible text within the limit, with no bidi control', () => {
    const withControls = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...BIDI_CONTROLS, ...BLANKS)), { maxLength: 30 }).map((parts) => parts.join(''));
    const nearLimit = fc.string({ unit: 'grapheme', minLength: most - 2, maxLength: most + 2 });
    fc.assert(
      fc.property(fc.oneof(withControls, nearLimit, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        let read: ReturnType<typeof parse> | undefined;
        expect(() => {
          read = parse(text);
        }).not.toThrow();
        if (read?.success) {
          const kept = (read.data as Record<string, unknown>)[field] as string;
          expect(kept).not.toMatch(HAS_BIDI_CONTROL);
          expect(characterCount(kept)).toBeLessThanOrEqual(most);
          expect(kept).toBe(kept.trim());
          if (empty !== undefined) expect(hasVisibleText(kept)).toBe(true);
        } else {
          for (const issue of read?.error?.issues ?? []) {
            expect(issue.path.join('.')).toBe(field);
            expect([empty, tooLong]).toContain(issue.message);
          }
        }
      }),
      { numRuns: 200 }
    );
  });
}
