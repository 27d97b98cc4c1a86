// A short MP3 for a demo podcast entry, made here rather than fetched: a
// sequence of soft notes from a pentatonic scale (any order of them sounds
// pleasant), different for each seed, encoded with a pure-JavaScript LAME.
// Mono at 22.05 kHz and 48 kbit/s: four seconds are about 24 KB.
import { Mp3Encoder } from '@breezystack/lamejs';
import { seededRandom } from './random';

const SAMPLE_RATE = 22050;
const KBPS = 48;
/** MPEG-2 Layer III frames hold 576 samples; the encoder takes any multiple. */
const BLOCK = 1152;
/** C major pentatonic, C4 to A5. */
const NOTES_HZ = [261.63, 293.66, 329.63, 392.0, 440.0, 523.25, 587.33, 659.25, 783.99, 880.0];

export function demoPodcastMp3(seed: number, seconds = 4): Uint8Array {
  const random = seededRandom(seed);
  const samples = new Int16Array(Math.round(seconds * SAMPLE_RATE));
  const noteLength = Math.round(SAMPLE_RATE * random.pick([0.25, 0.375, 0.5]));
  let note = random.int(0, NOTES_HZ.length - 1);
  for (let startAt = 0; startAt < samples.length; startAt += noteLength) {
    // A melody moves by small steps more often than by leaps.
    note = Math.min(NOTES_HZ.length - 1, Math.max(0, note + random.pick([-2, -1, -1, 0, 1, 1, 2])));
    const hz = NOTES_HZ[note] as number;
    const length = Math.min(noteLength, samples.length - startAt);
    for (let i = 0; i < length; i++) {
      const t = i / SAMPLE_RATE;
      // A quick rise and a gentle fall, so notes neither click nor run together.
      const envelope = Math.min(1, i / (0.01 * SAMPLE_RATE)) * Math.exp((-3 * i) / noteLength);
      const tone = Math.sin(2 * Math.PI * hz * t) + 0.3 * Math.sin(4 * Math.PI * hz * t);
      samples[startAt + i] = Math.round(7000 * envelope * tone);
    }
  }
  const encoder = new Mp3Encoder(1, SAMPLE_RATE, KBPS);
  const parts: Uint8Array[] = [];
  for (let at = 0; at < samples.length; at += BLOCK) parts.push(encoder.encodeBuffer(samples.subarray(at, at + BLOCK)));
  parts.push(encoder.flush());
  const mp3 = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    mp3.set(part, at);
    at += part.length;
  }
  return mp3;
}
