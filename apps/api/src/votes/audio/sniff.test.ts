// A podcast's type is read from its bytes: real MP3, M4A and Ogg files are
// recognised, and files that lie about their type are not.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoPodcastMp3 } from '../../demo/podcast-audio';
import { sniffAudio } from './sniff';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** A real WAV: RIFF header and a second of silence. */
function wav(): Uint8Array {
  const data = 8000 * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  return concat(header, new Uint8Array(data));
}

const PNG = concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), text('IHDR'), new Uint8Array(200));
const PDF = text('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = text('<!doctype html><html><head><title>podcast.mp3</title></head><body>Not audio</body></html>');

describe('sniffAudio', () => {
  it.each([
    ['tone.id3.mp3', 'audio/mpeg', 'mp3'],
    ['tone.m4a', 'audio/mp4', 'm4a'],
    ['tone.faststart.m4a', 'audio/mp4', 'm4a'],
    ['tone.opus.ogg', 'audio/ogg', 'ogg'],
    ['tone.vorbis.ogg', 'audio/ogg', 'ogg']
  ])('recognises %s as %s', (name, mediaType, extension) => {
    expect(sniffAudio(fixture(name))).toEqual({ mediaType, extension });
  });

  it('recognises an MP3 without a tag, starting with a frame', () => {
    expect(sniffAudio(demoPodcastMp3(1, 1))).toEqual({ mediaType: 'audio/mpeg', extension: 'mp3' });
  });

  it('recognises an MP3 whose tagger padded its ID3 tag with zeros beyond the stated size', () => {
    const file = fixture('tone.id3.mp3');
    // The tag's size: four bytes of seven bits each, after the 10-byte header.
    const tagEnd = 10 + file.subarray(6, 10).reduce((size, b) => (size << 7) | b, 0);
    expect(sniffAudio(concat(file.subarray(0, tagEnd), new Uint8Array(300), file.subarray(tagEnd)))?.mediaType).toBe('audio/mpeg');
    // Anything else between the tag and the first frame is not an MP3.
    expect(sniffAudio(concat(file.subarray(0, tagEnd), text('<b>'), file.subarray(tagEnd)))).toBeNull();
  });

  it.each([
    ['a PNG', PNG],
    ['a PDF', PDF],
    ['a WAV', wav()],
    ['a web page', HTML],
    ['nothing', new Uint8Array(0)],
    ['an MP4 video', fixture('video.mp4')],
    ['Apple Lossless in an M4A', fixture('alac.m4a')],
    ['FLAC in Ogg', fixture('flac.ogg')],
    ['text starting with “ftyp”', text('ftypM4A  and then some text that is not a box at all')],
    ['text starting with “OggS”', text('OggS is how an Ogg file starts, but this is text')],
    ['text starting with “ID3”', text('ID3 tags are at the start of MP3 files')],
    ['an ID3 tag followed by a web page', concat(fixture('tone.id3.mp3').subarray(0, 45), HTML)],
    ['one MP3 frame header and zeros', concat(new Uint8Array([0xff, 0xfb, 0x90, 0x64]), new Uint8Array(2000))],
    ['an M4A cut off before its index', fixture('tone.m4a').subarray(0, 2000)],
    [
      'an Ogg page with a wrong checksum',
      (() => {
        const f = fixture('tone.opus.ogg').slice();
        f[30] = (f[30] as number) ^ 0xff;
        return f;
      })()
    ]
  ])('refuses %s', (_name, bytes) => {
    expect(sniffAudio(bytes)).toBeNull();
  });

  it('refuses an MP4 video brand, even with an audio track only', () => {
    const m4a = fixture('tone.faststart.m4a').slice();
    m4a.set(text('M4V '), 8);
    expect(sniffAudio(m4a)).toBeNull();
  });

  it('never throws on arbitrary bytes, and finds no audio in them', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        expect(sniffAudio(bytes)).toBeNull();
      }),
      { numRuns: 2000 }
    );
  });

  it('never throws on arbitrary bytes after (or in place of the rest of) a valid file start', () => {
    const starts = ['tone.id3.mp3', 'tone.m4a', 'tone.faststart.m4a', 'tone.opus.ogg', 'tone.vorbis.ogg'].map(fixture);
    fc.assert(
      fc.property(fc.constantFrom(...starts), fc.nat(300), fc.uint8Array({ maxLength: 2048 }), (file, keep, tail) => {
        const result = sniffAudio(concat(file.subarray(0, keep), tail));
        expect(result === null || typeof result.mediaType === 'string').toBe(true);
      }),
      { numRuns: 1000 }
    );
  });

  it('still knows a whole file with arbitrary bytes appended', () => {
    fc.assert(
      fc.property(fc.constantFrom('tone.id3.mp3', 'tone.faststart.m4a', 'tone.opus.ogg'), fc.uint8Array({ maxLength: 512 }), (name, tail) => {
        const result = sniffAudio(concat(fixture(name), tail));
        // Appended junk breaks an M4A's box structure; the others stay readable.
        if (name !== 'tone.faststart.m4a') expect(result).not.toBeNull();
      }),
      { numRuns: 200 }
    );
  });
});
