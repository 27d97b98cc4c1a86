import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audioDurationMs } from './duration';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

describe('audioDurationMs', () => {
  it.each([
    ['tone.id3.mp3', 'audio/mpeg'],
    ['tone.m4a', 'audio/mp4'],
    ['tone.faststart.m4a', 'audio/mp4'],
    ['tone.opus.ogg', 'audio/ogg'],
    ['tone.vorbis.ogg', 'audio/ogg']
  ] as const)('reads two seconds from %s', async (name, mediaType) => {
    const ms = await audioDurationMs(fixture(name), mediaType);
    expect(ms).toBeGreaterThan(1900);
    expect(ms).toBeLessThan(2200);
  });

  it('is null, never an error, for bytes it cannot read', async () => {
    expect(await audioDurationMs(new Uint8Array(0), 'audio/mpeg')).toBeNull();
    expect(await audioDurationMs(new TextEncoder().encode('<html>not audio</html>'), 'audio/mp4')).toBeNull();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom('audio/mpeg', 'audio/mp4', 'audio/ogg' as const), async (bytes, type) => {
        const ms = await audioDurationMs(bytes, type);
        expect(ms === null || (Number.isInteger(ms) && ms > 0)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});
