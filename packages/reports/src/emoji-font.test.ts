import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emojiFontFaces, emojiFontFile, emojiRuns, emojiTtfFile, hasEmoji } from './emoji-font';

describe('emoji in report text', () => {
  it('cuts text into plain and emoji runs that together are the whole text, whatever was typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '😢', '👍🏽', '🇬🇧', '\u200d', '\ufe0f', 'é', '[c]', '1', '©') }), fc.string({ unit: 'grapheme' }), (mixed, any) => {
        for (const text of [mixed, any, mixed + any]) {
          const runs = emojiRuns(text);
          expect(runs.map((r) => r.text).join('')).toBe(text);
          for (const run of runs) if (run.emoji) expect(hasEmoji(run.text)).toBe(true);
          // Plain runs of letters and spaces never take the emoji font.
          for (const run of runs) if (!run.emoji) expect(/\p{Extended_Pictographic}/u.test(run.text)).toBe(false);
        }
      })
    );
    expect(emojiRuns('I feel scared 😢 walking home')).toEqual([
      { text: 'I feel scared ', emoji: false },
      { text: '😢', emoji: true },
      { text: ' walking home', emoji: false }
    ]);
    // A skin tone and a flag stay whole with their emoji.
    expect(emojiRuns('👍🏽🇬🇧').map((r) => r.text)).toEqual(['👍🏽🇬🇧']);
    expect(hasEmoji('Feel safe 46% [c]')).toBe(false);
  });

  it('unpacks the package’s Noto Emoji into a TrueType file, and serves only the package’s own font files', () => {
    const ttf = readFileSync(emojiTtfFile());
    // An sfnt with TrueType outlines: version 1.0, then its tables.
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    expect(ttf.includes(Buffer.from('glyf'))).toBe(true);
    expect(ttf.length).toBeGreaterThan(500_000);
    const { css, files } = emojiFontFaces('https://fonts.example.invalid');
    expect(css).toContain("font-family: 'Noto Emoji'");
    expect(css).toContain('unicode-range');
    expect(css).not.toContain('./files/');
    expect(files.size).toBeGreaterThan(5);
    for (const name of files) expect(emojiFontFile(name)?.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(emojiFontFile('../../package.json')).toBeUndefined();
    expect(emojiFontFile('noto-emoji-99-400-normal.woff2')).toBeUndefined();
  });
});
