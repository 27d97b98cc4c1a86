import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { characterCount, hasLetterOrDigit, hasVisibleText, requiredShortText, shortTextProblem, textUpTo, withoutBidiControls } from './short-text';

const RULES = { empty: 'Enter a title', most: 200, what: 'The title' };

/** Characters that show nothing: spaces of every kind, zero-width and joining characters, byte order mark, fillers, blank Braille. */
const INVISIBLE = [
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u00ad',
  '\u034f',
  '\u115f',
  '\u180e',
  '\u2000',
  '\u200a',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u2028',
  '\u202f',
  '\u205f',
  '\u2060',
  '\u2063',
  '\u2800',
  '\u3000',
  '\u3164',
  '\ufe0f',
  '\ufeff',
  '\uffa0',
  '\u{e0020}',
  '\u{1d173}'
];
const invisibleText = fc.array(fc.constantFrom(...INVISIBLE), { maxLength: 300 }).map((cs) => cs.join(''));
/** A letter in some script, as a person would type it. */
const letter = fc.constantFrom('a', 'Z', 'é', 'ß', 'ж', 'ع', 'ہ', 'ł', 'ă', '中', 'ŵ', 'e\u0301');

describe('what counts as empty', () => {
  it('refuses text of only zero-width, non-breaking and other blank characters as empty', () => {
    for (const text of ['', ' ', '\u200b', '\u2060\ufeff', '\u00a0\u00a0', '\u200b \u2060\u00a0\ufeff\u3164\u2800']) expect(shortTextProblem(text, RULES)).toBe('Enter a title');
    expect(
      requiredShortText(RULES)
        .safeParse('\u200b\u200b')
        .error?.issues.map((i) => i.message)
    ).toEqual(['Enter a title']);
  });

  it('accepts a visible character anywhere, emoji and symbols too', () => {
    for (const text of ['a', '\u200bA\u200b', '😀', '?', '٣', '-']) expect(hasVisibleText(text)).toBe(true);
  });

  it('refuses text that is not text at all as empty', () => {
    for (const value of [undefined, null, 12, {}, []]) expect(requiredShortText(RULES).safeParse(value).error?.issues[0]?.message).toBe('Enter a title');
  });
});

describe('how long is too long', () => {
  it('counts characters as a person does, so 200 emoji fit and 201 do not', () => {
    expect(characterCount('👩‍👩‍👧')).toBe(1);
    expect(characterCount('e\u0301')).toBe(1);
    expect(characterCount('🇬🇧')).toBe(1);
    expect(shortTextProblem('😀'.repeat(200), RULES)).toBeNull();
    expect(shortTextProblem('👩‍👩‍👧'.repeat(200), RULES)).toBeNull();
    expect(shortTextProblem('😀'.repeat(201), RULES)).toBe('The title must be 200 characters or fewer');
    expect(shortTextProblem('😀'.repeat(5000), RULES)).toBe('The title must be 200 characters or fewer');
    expect(shortTextProblem('a'.repeat(5000), RULES)).toBe('The title must be 200 characters or fewer');
    expect(shortTextProblem('a'.repeat(200), RULES)).toBeNull();
  });

  it('writes large limits as GOV.UK does', () => {
    expect(shortTextProblem('a'.repeat(2001), { ...RULES, most: 2000, what: 'The introduction' })).toBe('The introduction must be 2,000 characters or fewer');
  });
});

describe('any Unicode', () => {
  it('never throws, and answers with null or one of its two messages', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect([null, 'Enter a title', 'The title must be 200 characters or fewer']).toContain(shortTextProblem(text, RULES));
        expect(() => requiredShortText(RULES).safeParse(text)).not.toThrow();
      }),
      { numRuns: 500 }
    );
  });

  it('refuses invisible characters alone, however many, as empty', () => {
    fc.assert(
      fc.property(invisibleText, (text) => {
        expect(shortTextProblem(text, RULES)).toBe('Enter a title');
        expect(requiredShortText(RULES).safeParse(text).success).toBe(false);
      })
    );
  });

  it('accepts any text with a visible letter within the limit, wrapped in anything', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 90 }), letter, fc.string({ unit: 'grapheme', maxLength: 90 }), invisibleText, (before, l, after, blank) => {
        const text = `${before}${l}${blank}${after}`;
        fc.pre(characterCount(text.trim()) <= RULES.most);
        expect(hasLetterOrDigit(text)).toBe(true);
        expect(shortTextProblem(text, RULES)).toBeNull();
        expect(requiredShortText(RULES).safeParse(text).success).toBe(true);
      })
    );
  });

  it('counts no more characters than UTF-16 units, and stops counting past a limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat(300), (text, stop) => {
        const count = characterCount(text);
        expect(count).toBeLessThanOrEqual(text.length);
        expect(characterCount(text, stop)).toBe(Math.min(count, stop + 1));
      })
    );
  });
});

/** Embedding, override and isolate controls, which reorder what follows them. */
const BIDI_CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
/** The characters a reader sees, in order. */
const visible = (text: string) => [...text].filter(hasVisibleText).join('');

describe('bidi controls', () => {
  it('stores a title with a right-to-left override as the text typed, not reversed', () => {
    expect(requiredShortText(RULES).parse('\u202eBest podcast')).toBe('Best podcast');
    expect(requiredShortText(RULES).parse(' \u2067مرحبا\u2069 world \u202c')).toBe('مرحبا world');
    expect(textUpTo(2000, 'The introduction').parse('a\u202db\u202cc')).toBe('abc');
    // Text that shows nothing is no text: a transcript of zero-width spaces is not a transcript.
    expect(['\u200b', '\u3164\u2800', ' \ufeff '].map((t) => textUpTo(2000, 'The transcript').parse(t))).toEqual(['', '', '']);
  });

  it('keeps the left-to-right and right-to-left marks', () => {
    expect(requiredShortText(RULES).parse('العربية\u200f (UK)\u200e')).toBe('العربية\u200f (UK)\u200e');
  });

  it('refuses controls alone as empty', () => {
    expect(
      requiredShortText(RULES)
        .safeParse('\u202e\u2066 \u2069')
        .error?.issues.map((i) => i.message)
    ).toEqual(['Enter a title']);
  });

  it('never stores one, and leaves the visible text as it was, whatever the Unicode around it', () => {
    const withControls = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...BIDI_CONTROLS)), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(withControls, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        expect(withoutBidiControls(text)).not.toMatch(HAS_BIDI_CONTROL);
        expect(visible(withoutBidiControls(text))).toBe(visible(text));
        for (const schema of [requiredShortText({ empty: 'Enter a title' }), textUpTo(5000, 'The text')]) {
          const stored = schema.safeParse(text);
          if (stored.success) {
            expect(stored.data).not.toMatch(HAS_BIDI_CONTROL);
            expect(visible(stored.data)).toBe(visible(text));
          }
        }
      }),
      { numRuns: 500 }
    );
  });
});
