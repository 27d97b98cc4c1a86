// The one rule for stored text, over any UTF-16 string: lone surrogates
// become U+FFFD, NUL goes, everything else is kept exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storableJson, storableText, textOfJson } from './storable-text';

/** Any UTF-16 string, weighted towards lone surrogates, pairs and NUL. */
const anyUtf16 = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
    fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '😀', '\ud83d\ude00', 'a', ' ')
  ),
  maxLength: 40
});

const isWellFormed = (text: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('storableText', () => {
  it('replaces lone surrogates, drops NUL and keeps the rest', () => {
    expect(storableText('lone \ud800 surrogate')).toBe('lone \uFFFD surrogate');
    expect(storableText('\udc00 low first, then high \ud83d')).toBe('\uFFFD low first, then high \uFFFD');
    expect(storableText('reversed \ude00\ud83d pair')).toBe('reversed \uFFFD\uFFFD pair');
    expect(storableText('nul\u0000inside')).toBe('nulinside');
    expect(storableText('a real pair 😀 and é')).toBe('a real pair 😀 and é');
    expect(storableText('\uFEFF starts with a byte-order mark')).toBe('\uFEFF starts with a byte-order mark');
  });

  it('gives well-formed text without NUL for any string, and changes nothing else', () => {
    fc.assert(
      fc.property(anyUtf16, (text) => {
        const clean = storableText(text);
        expect(isWellFormed(clean)).toBe(true);
        expect(clean).not.toContain('\u0000');
        // Idempotent, and the UTF-8 round trip the driver makes changes nothing.
        expect(storableText(clean)).toBe(clean);
        // (ignoreBOM: a decoder otherwise drops a leading U+FEFF, which the driver keeps.)
        expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(new TextEncoder().encode(clean))).toBe(clean);
        // Text that needed nothing is the very same string.
        if (isWellFormed(text) && !text.includes('\u0000')) expect(clean).toBe(text);
      }),
      { numRuns: 2000 }
    );
  });
});

describe('storableJson', () => {
  it('cleans every string, keys included, copying only what changed', () => {
    const untouched = { a: ['fine'], n: 1 };
    const value = { 'key\ud800': 'x', nested: [{ deep: 'nul\u0000' }], untouched, when: new Date(0), none: null };
    const clean = storableJson(value);
    expect(clean).toEqual({ 'key\uFFFD': 'x', nested: [{ deep: 'nul' }], untouched, when: new Date(0), none: null });
    expect(clean.untouched).toBe(untouched);
    expect(storableJson(untouched)).toBe(untouched);
  });

  it('keeps a key called "__proto__" as an ordinary key', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "yes"}, "text": "\\ud800"}');
    const clean = storableJson(parsed);
    expect(Object.keys(clean)).toEqual(['__proto__', 'text']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
  });

  it('leaves any JSON value well formed after a round trip through JSON text', () => {
    fc.assert(
      fc.property(fc.dictionary(anyUtf16, fc.oneof(anyUtf16, fc.array(anyUtf16), fc.integer())), (value) => {
        // JSON.stringify escapes only lone surrogates and control characters (an escaped backslash is not an escape).
        const escapes = JSON.stringify(storableJson(value)).replaceAll('\\\\', '');
        expect(escapes).not.toMatch(/\\u(d[89a-f]|0000)/i);
      })
    );
  });
});

describe('textOfJson', () => {
  it('reads a JSON string as storable text; anything else is undefined', () => {
    expect(textOfJson('"lone \\ud800 surrogate"')).toBe('lone \uFFFD surrogate');
    expect(textOfJson('"nul\\u0000x"')).toBe('nulx');
    expect(textOfJson('12')).toBeUndefined();
    expect(textOfJson('["a"]')).toBeUndefined();
    expect(textOfJson(null)).toBeUndefined();
    expect(textOfJson('not json')).toBeUndefined();
  });
});
