import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFromLink } from './code-from-link.ts';

describe('codeFromLink', () => {
  it('keeps a code as printed on a slip', () => {
    expect(codeFromLink('ABCD-EFGH')).toBe('ABCD-EFGH');
    expect(codeFromLink(null)).toBe('');
  });

  it('makes any text into at most 40 letters, digits and dashes, keeping them in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const code = codeFromLink(text);
        expect(code).toMatch(/^[A-Za-z0-9-]{0,40}$/);
        expect(text.replace(/[^A-Za-z0-9-]/g, '').startsWith(code)).toBe(true);
      })
    );
  });
});
