import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audioTypeName, clockDuration, paragraphsOf } from './votes-public-format.ts';

describe('clockDuration', () => {
  it('writes a length as a player shows it', () => {
    expect(clockDuration(4_000)).toBe('0:04');
    expect(clockDuration(4_499)).toBe('0:04');
    expect(clockDuration(59_600)).toBe('1:00');
    expect(clockDuration(750_000)).toBe('12:30');
    expect(clockDuration(3_725_000)).toBe('1:02:05');
    expect(clockDuration(null)).toBeNull();
    expect(clockDuration(-1)).toBeNull();
  });

  it('reads back as the whole seconds it was given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3600 }), (seconds) => {
        const shown = clockDuration(seconds * 1000) ?? '';
        expect(shown).toMatch(/^(\d+:[0-5]\d|\d+:[0-5]\d:[0-5]\d)$/);
        const back = shown.split(':').reduce((total, part) => total * 60 + Number(part), 0);
        expect(back).toBe(seconds);
      })
    );
  });
});

describe('audioTypeName', () => {
  it('names the stored types, and anything else plainly', () => {
    expect(audioTypeName('audio/mpeg')).toBe('MP3');
    expect(audioTypeName('audio/mp4')).toBe('M4A');
    expect(audioTypeName('audio/ogg')).toBe('Ogg');
    expect(audioTypeName('video/webm')).toBe('audio');
  });
});

describe('paragraphsOf', () => {
  it('splits at blank lines, including Windows line ends and lines of spaces', () => {
    expect(paragraphsOf('Amir: Tell the driver.\n\nJess: Call 999.')).toEqual(['Amir: Tell the driver.', 'Jess: Call 999.']);
    expect(paragraphsOf('One\r\n\r\nTwo\n  \nThree\nstill three')).toEqual(['One', 'Two', 'Three\nstill three']);
    expect(paragraphsOf('  \n\n \n')).toEqual([]);
  });

  it('keeps every word, in order, and gives no empty paragraph, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\t', 'é', '😀', '\u00a0') }), (text) => {
        const paragraphs = paragraphsOf(text);
        for (const p of paragraphs) expect(p).toBe(p.trim());
        for (const p of paragraphs) expect(p).not.toBe('');
        const words = (s: string) => s.split(/\s+/).filter(Boolean);
        expect(paragraphs.flatMap(words)).toEqual(words(text));
      })
    );
  });
});
