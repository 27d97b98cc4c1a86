import { describe, expect, it } from 'vitest';
import { audioDurationMs } from '../votes/audio/duration';
import { sniffAudio } from '../votes/audio/sniff';
import { demoPodcastMp3 } from './podcast-audio';

describe('demoPodcastMp3', () => {
  it.each([2, 4, 10])('makes a real MP3 of %i seconds', async (seconds) => {
    const mp3 = demoPodcastMp3(1, seconds);
    expect(sniffAudio(mp3)).toEqual({ mediaType: 'audio/mpeg', extension: 'mp3' });
    const ms = await audioDurationMs(mp3, 'audio/mpeg');
    expect(Math.abs((ms ?? 0) - seconds * 1000)).toBeLessThan(seconds * 100);
    // 48 kbit/s: about 6 KB a second.
    expect(mp3.length).toBeLessThan(seconds * 7000);
  });

  it('plays different notes for each seed, and the same for the same seed', () => {
    const [a, b, again] = [demoPodcastMp3(1), demoPodcastMp3(2), demoPodcastMp3(1)];
    expect(Buffer.from(a as Uint8Array).equals(Buffer.from(b as Uint8Array))).toBe(false);
    expect(Buffer.from(a as Uint8Array).equals(Buffer.from(again as Uint8Array))).toBe(true);
  });
});
